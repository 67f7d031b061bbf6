package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A command's transaction on the event store holds the file's write lock from its start, as the embedded runtime
 * builds it ({@link ImmediateTransactions} behind {@link SingleWriterTransactionManager}): nothing written elsewhere
 * can come between what it read and what it writes, which SQLite would refuse with SQLITE_BUSY_SNAPSHOT.
 */
class ImmediateTransactionsTest {

    @TempDir
    Path data;

    private PooledSqliteFile file;
    private NullSafeSqliteDataSource dataSource;
    private TransactionManager commands;
    private JdbcTemplate jdbc;

    @BeforeEach
    void aStoreWithOneTable() {
        file = new PooledSqliteFile(data.resolve("events.db"), 10);
        dataSource = file.dataSource();
        commands = new SingleWriterTransactionManager(new SpringTransactionManager(new ImmediateTransactions(dataSource)));
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE heads (trust TEXT PRIMARY KEY, position INTEGER NOT NULL)");
        jdbc.update("INSERT INTO heads VALUES ('t', 1)");
    }

    @AfterEach
    void close() {
        file.close();
    }

    @Test
    void aWriteFromElsewhereCannotComeBetweenACommandsReadAndItsWrite() throws SQLException {
        Transaction command = commands.startTransaction();
        long read = jdbc.queryForObject("SELECT position FROM heads WHERE trust = 't'", Long.class);
        try (Connection elsewhere = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("events.db")
                + "?busy_timeout=100"); Statement statement = elsewhere.createStatement()) {
            assertThatThrownBy(() -> statement.execute("UPDATE heads SET position = 7 WHERE trust = 't'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("SQLITE_BUSY");
        }
        jdbc.update("UPDATE heads SET position = ? WHERE trust = 't'", read + 1); // what was read still holds
        command.commit();

        assertThat(jdbc.queryForObject("SELECT position FROM heads WHERE trust = 't'", Long.class)).isEqualTo(2);
    }

    @Test
    void theStoresOwnTransactionsJoinTheCommandsOnTheSameConnection() {
        Transaction command = commands.startTransaction();
        // as Axon's engine writes the events, through Spring Boot's manager for the same data source
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status ->
                jdbc.update("UPDATE heads SET position = 5 WHERE trust = 't'"));
        command.rollback();

        assertThat(jdbc.queryForObject("SELECT position FROM heads WHERE trust = 't'", Long.class)).isEqualTo(1);
    }
}
