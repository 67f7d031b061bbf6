package org.accord.app.embedded;

import java.sql.SQLException;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon that an append broke a unique key (another command already wrote that aggregate's next sequence
 * number), so that it reports a concurrency conflict rather than a storage failure. SQLite reports every constraint
 * as error code 19 (SQLITE_CONSTRAINT), which the error-code table Axon carries does not know.
 */
class SqliteDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final int SQLITE_CONSTRAINT = 19;

    private final PersistenceExceptionResolver fallback;

    SqliteDuplicateKeyResolver(PersistenceExceptionResolver fallback) {
        this.fallback = fallback;
    }

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && (sql.getErrorCode() == SQLITE_CONSTRAINT
                    || String.valueOf(sql.getMessage()).contains("UNIQUE constraint failed"))) {
                return true;
            }
        }
        return fallback.isDuplicateKeyViolation(exception);
    }
}
