package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.accord.app.embedded.ledger.JdbcLedgerStore;
import org.accord.app.ledger.ChainHead;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * What is written to the events file outside a command (a mail claimed, a name erased by the directory's check) waits
 * for the command in progress. Committed between the command's first read and its first write, it used to fail the
 * command at once with SQLITE_BUSY_SNAPSHOT: SQLite cannot move a transaction that has read an older snapshot on to
 * writing, and its busy timeout does not apply there.
 */
class WritesBesideCommandsTest {

    @TempDir
    Path folder;

    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private TransactionManager writer;
    private JdbcLedgerStore ledger;

    @BeforeEach
    void open() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(SqliteFiles.jdbcUrl(folder.resolve("events.db"), "NORMAL"));
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
        DataSource events = new NullSafeSqliteDataSource(pool);
        jdbc = new JdbcTemplate(events);
        writer = new SingleWriterTransactionManager(new SpringTransactionManager(
                new DataSourceTransactionManager(events)));
        ledger = new JdbcLedgerStore(jdbc);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void aMailClaimedWhileACommandRunsWaitsForItAndTheCommandCommits() throws Exception {
        JdbcNotificationMarks marks = new JdbcNotificationMarks(jdbc, writer);

        CompletableFuture<Boolean> claim = commandWithAWriteBeside(() -> marks.claimMail("n-1", Instant.now()));

        assertThat(claim.get(30, TimeUnit.SECONDS)).as("claimed, once the command was done").isTrue();
        assertThat(ledger.head("t-1")).as("the command's write").hasValue(new ChainHead("t-1", 1, "h-1"));
    }

    @Test
    void aNameErasedByTheDirectoryWhileACommandRunsWaitsForItAndTheCommandCommits() throws Exception {
        JdbcPersonDirectory directory = new JdbcPersonDirectory(jdbc, () -> {
        }, writer);
        writer.executeInTransaction(() -> directory.record("p-1", "t-1", "Ada Example"));

        CompletableFuture<Boolean> erased = commandWithAWriteBeside(() -> {
            directory.erase("p-1");
            return true;
        });

        assertThat(erased.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(directory.find("p-1").erased()).isTrue();
        assertThat(ledger.head("t-1")).hasValue(new ChainHead("t-1", 1, "h-1"));
    }

    /**
     * A command as the embedded store runs one: it reads (the chain's head), then the other write is started on a
     * thread of its own and given a second to commit, then the command writes (the head moves) and commits.
     */
    private <T> CompletableFuture<T> commandWithAWriteBeside(Supplier<T> write) {
        AtomicReference<CompletableFuture<T>> beside = new AtomicReference<>();
        writer.executeInTransaction(() -> {
            assertThat(ledger.head("t-1")).isEmpty();
            beside.set(CompletableFuture.supplyAsync(write));
            try {
                beside.get().get(1, TimeUnit.SECONDS); // done within the second only if nothing held it back
            } catch (TimeoutException | InterruptedException | ExecutionException e) {
                // held back: what the command's own write below must find
            }
            ledger.moveHead(new ChainHead("t-1", 1, "h-1")); // failed with SQLITE_BUSY after a write beside
            assertThat(beside.get()).as("held back while the command runs").isNotDone();
        });
        return beside.get();
    }
}
