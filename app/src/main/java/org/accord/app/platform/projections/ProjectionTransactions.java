package org.accord.app.platform.projections;

import org.axonframework.common.transaction.TransactionManager;

/**
 * The transaction each projection batch runs in, given by the runtime: the embedded one commits a batch's documents and
 * its token together in the read-model database; production's documents are written before their token
 * (DocumentsBeforeTokenStore). A type of its own, not a TransactionManager bean, so that it never stands in for the
 * command side's.
 *
 * @param manager  transactions on the projections' store for anyone (a rebuild's reset)
 * @param batches  the projections' processor's own: the embedded runtime commits a replay's batches behind it
 * @param committed whether the batches processed up to an event are committed
 */
public record ProjectionTransactions(TransactionManager manager, TransactionManager batches,
                                     BatchesCommitted committed) {

    /** Batches in the same transactions as everyone's, committed before the processor moves on. */
    public ProjectionTransactions(TransactionManager manager) {
        this(manager, manager, BatchesCommitted.ALWAYS);
    }
}
