package org.accord.query.runtime.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import javax.sql.DataSource;

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
 * A statement lives as long as the batch: {@link #close()} at its end, committed or rolled back. A batch that runs
 * outside any transaction (a projection test's) reads through the store's own read, prepared each time, since no
 * connection outlives the read.
 */
final class BatchLoads implements AutoCloseable {

    private final JdbcTemplate jdbc;
    private final Predicate<String> tableExists;
    private final BiPredicate<String, String> surelyNotIn;
    private final BiFunction<String, String, byte[]> unprepared;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;

    /**
     * @param tableExists whether a table is there to read from
     * @param surelyNotIn whether a row is surely not in a table, by table and id, known without reading it
     * @param unprepared  the store's read of a row outside a transaction, by table and id (null when not there)
     */
    BatchLoads(JdbcTemplate jdbc, Predicate<String> tableExists, BiPredicate<String, String> surelyNotIn,
               BiFunction<String, String, byte[]> unprepared) {
        this.jdbc = jdbc;
        this.tableExists = tableExists;
        this.surelyNotIn = surelyNotIn;
        this.unprepared = unprepared;
    }

    /** The row's bytes; null when the table or the row is not there. */
    byte[] row(String table, String id) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            return unprepared.apply(table, id);
        }
        if (!tableExists.test(table) || surelyNotIn.test(table, id)) {
            return null;
        }
        try {
            PreparedStatement statement = statement(table);
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

    private PreparedStatement statement(String table) throws SQLException {
        DataSource dataSource = jdbc.getDataSource();
        // the transaction's own connection, as JdbcTemplate would use: it sees what the batch flushed so far
        Connection current = DataSourceUtils.getConnection(dataSource);
        DataSourceUtils.releaseConnection(current, dataSource);
        if (current != connection) {
            close();
            connection = current;
        }
        PreparedStatement statement = statements.get(table);
        if (statement == null) {
            statement = current.prepareStatement(SqliteReadModelStore.rowById(table));
            statements.put(table, statement);
        }
        return statement;
    }

    /** Closes the batch's statements; a read after this prepares anew. */
    @Override
    public void close() {
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
