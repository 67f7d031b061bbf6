package org.accord.app.platform.projections;

import org.axonframework.common.transaction.TransactionManager;

/**
 * The transaction each projection batch runs in, given by the runtime: the embedded one commits a batch's documents and
 * its token together in the read-model database; production's documents are written before their token
 * (DocumentsBeforeTokenStore). A type of its own, not a TransactionManager bean, so that it never stands in for the
 * command side's.
 */
public record ProjectionTransactions(TransactionManager manager) {
}
