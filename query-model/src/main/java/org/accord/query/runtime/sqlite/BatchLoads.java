package org.accord.query.runtime.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.accord.query.runtime.WritesBehind;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A batch of events' reads of rows by id: one prepared statement per table, on the connection of the batch's
 * transaction, run again for each row the batch reads.
 * <p>
 * Why: a rebuild reads a few rows per event, and SQLite took longer to prepare each of those reads than to run it
 * (docs/benchmarks.md, run 20: preparing statements was about a sixth of the projection thread's time in SQLite).
 * A statement lives as long as the batch: {@link #close()} at its end, committed or rolled back. A deferred batch
 * ({@link WritesBehind}), which has no transaction on this thread, reads through a connection of its own, held for the
 * batch; each read sees what is committed. A batch that runs outside any transaction and not deferred (a projection
 * test's) reads through the store's own read, prepared each time, since no connection outlives the read.
 */
final class BatchLoads implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final Predicate<String> tableExists;
    private final LongSupplier tablesSeen;
    /**
     * The tables found missing, each with the count of tables seen when it was looked for: missing still while no
     * table has been seen since. Why: a rebuild's tables are made by its first batch's writes, so each read of its
     * first batch asked the file (about 6% of a rebuild's projection thread, docs/benchmarks.md, session 36). A table
     * that appears while the batch runs is one the batch made itself or the batch behind made, whose rows the batch
     * holds or reads through the batch behind: until that one commits (and its table is seen), no row of the table
     * can be read from the file that those do not already give.
     */
    private final Map<String, Long> missing = new HashMap<>();
    private final BiPredicate<String, String> surelyNotIn;
    private final BiFunction<String, String, byte[]> unprepared;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;
    /** The connection a deferred batch reads through, its own: not the pool's to give to anyone else meanwhile. */
    private Connection own;

    /**
     * @param tableExists whether a table is there to read from
     * @param tablesSeen  how many tables the store has seen made or found so far: a table missing stays missing
     *                    while this does not change
     * @param surelyNotIn whether a row is surely not in a table, by table and id, known without reading it
     * @param unprepared  the store's read of a row outside a transaction, by table and id (null when not there)
     */
    BatchLoads(JdbcTemplate jdbc, Predicate<String> tableExists, LongSupplier tablesSeen,
               BiPredicate<String, String> surelyNotIn, BiFunction<String, String, byte[]> unprepared) {
        this.jdbc = jdbc;
        this.tableExists = tableExists;
        this.tablesSeen = tablesSeen;
        this.surelyNotIn = surelyNotIn;
        this.unprepared = unprepared;
    }

    /** The row's bytes; null when the table or the row is not there. */
    byte[] row(String table, String id) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        if (!inTransaction && WritesBehind.current() == null) {
            return unprepared.apply(table, id);
        }
        if (!there(table) || surelyNotIn.test(table, id)) {
            return null;
        }
        try {
            PreparedStatement statement = statement(table, inTransaction);
            statement.setString(1, id);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getBytes(1) : null;
            }
        } catch (SQLException e) {
            String sql = SqliteReadModelStore.rowById(table);
            DataAccessException translated = jdbc.getExceptionTranslator().translate("read a read-model row", sql, e);
            throw translated != null ? translated : new UncategorizedSQLException("read a read-model row", sql, e);
        }
    }

    private boolean there(String table) {
        long seen = tablesSeen.getAsLong();
        Long missingAt = missing.get(table);
        if (missingAt != null && missingAt == seen) {
            return false;
        }
        if (tableExists.test(table)) {
            missing.remove(table);
            return true;
        }
        missing.put(table, seen);
        return false;
    }

    private PreparedStatement statement(String table, boolean inTransaction) throws SQLException {
        DataSource dataSource = jdbc.getDataSource();
        Connection current;
        if (inTransaction) {
            // the transaction's own connection, as JdbcTemplate would use: it sees what the batch flushed so far
            current = DataSourceUtils.getConnection(dataSource);
            DataSourceUtils.releaseConnection(current, dataSource);
        } else {
            if (own == null) {
                own = dataSource.getConnection();
            }
            current = own;
        }
        if (current != connection) {
            closeStatements();
            connection = current;
        }
        PreparedStatement statement = statements.get(table);
        if (statement == null) {
            statement = current.prepareStatement(SqliteReadModelStore.rowById(table));
            statements.put(table, statement);
        }
        return statement;
    }

    /** Closes the batch's statements, and a deferred batch's connection; a read after this prepares anew. */
    @Override
    public void close() {
        closeStatements();
        if (own != null) {
            try {
                own.close();
            } catch (SQLException e) {
                // a connection that cannot be closed is the pool's to drop
            }
            own = null;
        }
    }

    private void closeStatements() {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                // the batch is over and its connection goes back to the pool, which closes what is left open
            }
        }
        statements.clear();
        connection = null;
    }
}
