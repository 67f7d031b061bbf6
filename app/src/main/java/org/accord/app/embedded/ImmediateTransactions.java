package org.accord.app.embedded;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The writers' transactions on {@code events.db} (commands, checkpoints, notification marks), begun IMMEDIATE: each
 * takes the file's write lock as it begins, and reads nothing before it holds it.
 * <p>
 * Why: sqlite-jdbc begins a DEFERRED transaction, which reads on the snapshot of its first read and asks for the write
 * lock only at its first write. If the file has changed in between, that write fails at once with
 * SQLITE_BUSY_SNAPSHOT (the busy timeout covers only a lock taken at the start), and the command is refused. The
 * single-writer lock ({@link SingleWriterTransactionManager}) should make that impossible, yet the benchmark saw it
 * three times in two days of runs, each on the chain head's update, a command's first write
 * (docs/decisions.md, session 37). With the write lock taken first, a write from anywhere else waits for the command,
 * or the command for it, within the busy timeout; neither fails. Reads are not affected: SQLite's readers never wait
 * for the writer.
 * <p>
 * Only for the transactions this manager begins; a transaction it joins is already what it is. The engine's own reads
 * and the ledger's snapshot reads keep Spring Boot's manager, DEFERRED.
 */
final class ImmediateTransactions extends DataSourceTransactionManager {

    ImmediateTransactions(DataSource dataSource) {
        super(dataSource);
    }

    /**
     * sqlite-jdbc has just begun its DEFERRED transaction (on setAutoCommit(false)), which has read nothing yet: it is
     * ended and an IMMEDIATE one begun in its place, on the same connection.
     */
    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
            statement.execute("BEGIN IMMEDIATE");
        }
    }
}
