package org.accord.app.embedded;

import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

/**
 * SQLite takes one writer at a time. Left to itself, contending writers spin on SQLITE_BUSY (measured: waits of
 * 0.3–3 s with 8 writers); a fair lock around each command's transaction makes them queue instead, which keeps the
 * WAL small and the latency tail short. Each file has its own: the events' (command handling) and the read models'
 * (projection batches); queries only read.
 */
public class SingleWriterTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final ReentrantLock writer = new ReentrantLock(true);

    public SingleWriterTransactionManager(TransactionManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Transaction startTransaction() {
        writer.lock();
        Transaction transaction;
        try {
            transaction = delegate.startTransaction();
        } catch (RuntimeException e) {
            writer.unlock();
            throw e;
        }
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    writer.unlock();
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    writer.unlock();
                }
            }
        };
    }
}
