package org.accord.app.embedded;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.accord.app.platform.projections.BatchesCommitted;
import org.accord.query.runtime.WritesBehind;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.sqlite.SQLiteConnection;

/**
 * The read-model database's transactions for the projections' batches, each large batch's writes and commit on a thread
 * of their own while the processor handles the next batch ({@link WritesBehind}).
 * <p>
 * Why: in a replay the processor's one thread did every step of a batch one after the other, and writing the batch's
 * rows and committing them were 59% of it (docs/benchmarks.md, runs 23 and 25). Now it hands a batch of
 * {@value #BEHIND_FROM} events or more over and goes on. A smaller batch (a live mutation's) runs as before: its
 * transaction opens on the processor's thread at its first event (once the batch behind has committed), and it is
 * committed when the processor reports it processed.
 * <p>
 * What stays as it was: a batch's documents and its token commit in one transaction, and batches commit in their order,
 * one at a time; at most one is behind. A batch waits for the one before it when it is handed over (or when it needs
 * its transaction on its own thread, {@link WritesBehind.Batch#now()}); if that one failed, it fails too, so Axon's
 * processor takes its segment again from the last committed token and handles both again. Every other transaction on
 * the file through this manager (a rebuild's reset, the processor's token claims) waits for the batch behind first.
 * Read-your-writes counts a batch as projected once it is committed ({@link BatchesCommitted}).
 */
public class ProjectionWritesBehind implements BatchesCommitted, AutoCloseable {

    /** Events in a batch from which the processor does not wait for its commit: a replay's, a catch-up's. */
    static final int BEHIND_FROM = 500;
    private static final Logger log = LoggerFactory.getLogger(ProjectionWritesBehind.class);
    private static final CompletableFuture<Void> NONE = CompletableFuture.completedFuture(null);
    /** The token store's writes that a deferred batch records for its commit; any other call needs the file now. */
    private static final Set<String> DEFERRED_TOKEN_WRITES = Set.of("storeToken", "extendClaim");
    private static final int REPLAY_CHECKPOINT_PAGES = 50_000;
    private static final int LIVE_CHECKPOINT_PAGES = 1_000;

    private final TransactionManager delegate;
    private final DataSource file;
    private final Runnable afterCommit;
    private final ExecutorService writer;
    /** The connections whose log is copied at the replay's pace, not SQLite's default ({@link #checkpointAfter}). */
    private final Set<Connection> replaySettings = Collections.newSetFromMap(
            Collections.synchronizedMap(new WeakHashMap<>()));
    /** The last batch handed over: written, being written, or failed and not yet told to the processor. */
    private volatile CompletableFuture<Void> last = NONE;
    /** The highest token position handed over, and the highest committed (-1: none). */
    private volatile long handedThrough = -1;
    private volatile long committedThrough = -1;

    /**
     * @param delegate    the file's transactions, one writer at a time
     * @param file        the file they are on
     * @param afterCommit run after each batch behind commits: read-your-writes waiters look again
     */
    public ProjectionWritesBehind(TransactionManager delegate, DataSource file, Runnable afterCommit) {
        this.delegate = delegate;
        this.file = file;
        this.afterCommit = afterCommit;
        this.writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "accord-projection-writer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A transaction on this thread, now, after the batch behind (if any) is written, whether or not it failed; one that
     * joins a transaction this thread is in already does not wait (the batch behind may be waiting for its lock).
     * Not a bean of the type, so that it never stands in for the command side's transactions.
     */
    public TransactionManager transactions() {
        return () -> {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                awaitBehind(false);
            }
            return delegate.startTransaction();
        };
    }

    /** The transactions of the processor's batches: deferred, unless this thread is in a transaction already. */
    public TransactionManager batches() {
        return () -> {
            WritesBehind.Batch outer = WritesBehind.current();
            if (outer != null) {
                outer.now();
            }
            if (outer != null || TransactionSynchronizationManager.isActualTransactionActive()) {
                // joins the transaction here (a rebuild resets the tokens inside its own)
                return delegate.startTransaction();
            }
            Deferred batch = new Deferred();
            WritesBehind.bind(batch);
            return batch;
        };
    }

    /**
     * The token store as the processor sees it: in a deferred batch its token writes wait for the batch's commit, and
     * anything else it asks (a fetch, a release) opens the batch's transaction on this thread first.
     */
    public TokenStore tokenStore(TokenStore tokens) {
        return (TokenStore) Proxy.newProxyInstance(TokenStore.class.getClassLoader(), new Class<?>[] {TokenStore.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() != Object.class
                            && WritesBehind.current() instanceof Deferred batch) {
                        // Axon's processor stores the batch's token as it handles its first event: a live batch's
                        // transaction opens here then, as without writes behind
                        if (DEFERRED_TOKEN_WRITES.contains(method.getName()) && batchSize() >= BEHIND_FROM) {
                            batch.addTokenWrite(() -> invoke(tokens, method, args), positionOf(args));
                            return null;
                        }
                        batch.now();
                    }
                    return invoke(tokens, method, args);
                });
    }

    @Override
    public boolean through(long position) {
        // read in this order: a batch is handed over before the processor reports its position
        return handedThrough < position || committedThrough >= position;
    }

    /** Waits for the batch behind to be written, then stops the writer's thread (up to ten seconds more). */
    @Override
    public void close() {
        awaitBehind(false);
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the batch behind. A failure is told once, to the processor (its batch then fails, and Axon handles
     * both again from the last committed token); anyone else just waits.
     */
    private void awaitBehind(boolean failWithIt) {
        CompletableFuture<Void> behind = last;
        try {
            behind.join();
        } catch (CompletionException e) {
            if (failWithIt) {
                last = NONE;
                throw failure(e);
            }
        }
    }

    private static RuntimeException failure(CompletionException e) {
        return e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    private static Object invoke(TokenStore tokens, Method method, Object[] args) {
        try {
            return method.invoke(tokens, args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long positionOf(Object[] args) {
        if (args != null && args.length > 0 && args[0] instanceof TrackingToken token) {
            OptionalLong position = token.position();
            return position.orElse(-1);
        }
        return -1;
    }

    /**
     * How large the write-ahead log may grow before a commit copies it into the file: a replay's batches each rewrite
     * thousands of pages of the indexes they insert into at random, and copying them after every batch (SQLite's
     * default, 1,000 pages) wrote 8.3 GB for a 650 MB file; a page rewritten by several batches is copied once with
     * 50,000 (docs/benchmarks.md, run 25). A live batch puts the default back on a connection a replay set, so that no
     * mutation waits for a large copy; the first one after a replay copies what the replay left.
     */
    private void checkpointAfter(boolean replay) {
        Connection connection = DataSourceUtils.getConnection(file);
        try {
            // a setting of the connection, which the pool lends to anyone next: set for a replay, reset after it
            Connection physical = connection.unwrap(SQLiteConnection.class);
            if (replay ? replaySettings.add(physical) : replaySettings.remove(physical)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA wal_autocheckpoint = "
                            + (replay ? REPLAY_CHECKPOINT_PAGES : LIVE_CHECKPOINT_PAGES));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set when the read models' write-ahead log is copied", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, file);
        }
    }

    private static int batchSize() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch
                ? batch.getMessages().size() : 0;
    }

    /** One batch's transaction while it is deferred: the work it will run, in order. */
    private final class Deferred implements WritesBehind.Batch, Transaction {

        private final List<Runnable> work = new ArrayList<>();
        private final List<Runnable> afterCompletion = new ArrayList<>();
        private long position = -1;
        /** Opened on this thread by {@link #now()}, and then the batch's transaction. */
        private Transaction here;

        /** Only while deferred: {@link #now()} unbinds the batch, so no store or token write reaches it after. */
        @Override
        public void add(Runnable work, Runnable afterCompletion) {
            this.work.add(work);
            this.afterCompletion.add(afterCompletion);
        }

        void addTokenWrite(Runnable write, long position) {
            add(write, () -> { });
            this.position = Math.max(this.position, position);
        }

        @Override
        public void now() {
            WritesBehind.unbind();
            if (here != null) {
                return;
            }
            awaitBehind(true);
            here = delegate.startTransaction();
            checkpointAfter(false);
            List<Runnable> recorded = List.copyOf(work);
            work.clear();
            recorded.forEach(Runnable::run);
        }

        @Override
        public void commit() {
            WritesBehind.unbind();
            if (here != null) {
                Transaction transaction = here;
                here = null;
                try {
                    transaction.commit();
                } finally {
                    completed();
                }
                return;
            }
            if (work.isEmpty()) {
                completed();
                return;
            }
            boolean behind = batchSize() >= BEHIND_FROM;
            try {
                awaitBehind(true);
            } catch (RuntimeException e) {
                completed();
                throw e;
            }
            List<Runnable> recorded = List.copyOf(work);
            List<Runnable> after = List.copyOf(afterCompletion);
            work.clear();
            afterCompletion.clear();
            long through = position;
            if (!behind) {
                // a live batch: committed here, now, as without writes behind (no hand-over to wait for)
                write(recorded, after, through, false);
                return;
            }
            last = CompletableFuture.runAsync(() -> write(recorded, after, through, true), writer);
            if (through >= 0) {
                handedThrough = Math.max(handedThrough, through);
            }
        }

        @Override
        public void rollback() {
            WritesBehind.unbind();
            Transaction transaction = here;
            here = null;
            work.clear();
            try {
                if (transaction != null) {
                    transaction.rollback();
                }
            } finally {
                completed();
            }
        }

        private void completed() {
            List<Runnable> after = List.copyOf(afterCompletion);
            afterCompletion.clear();
            after.forEach(Runnable::run);
        }
    }

    /** The batch's work in one transaction: on the writer's thread, or a live batch's own. */
    private void write(List<Runnable> work, List<Runnable> afterCompletion, long through, boolean behind) {
        try {
            Transaction transaction = delegate.startTransaction();
            try {
                checkpointAfter(behind);
                work.forEach(Runnable::run);
            } catch (RuntimeException | Error e) {
                transaction.rollback();
                log.debug("a projection batch failed to commit; the processor handles it again", e);
                throw e;
            }
            transaction.commit();
            if (through >= 0) {
                committedThrough = Math.max(committedThrough, through);
            }
        } finally {
            afterCompletion.forEach(Runnable::run);
            if (behind) {
                // Axon reported the batch processed at its hand-over; its waiters can read it only now
                afterCommit.run();
            }
        }
    }
}
