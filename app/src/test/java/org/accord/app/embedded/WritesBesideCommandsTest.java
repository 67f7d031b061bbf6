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

import org.accord.app.embedded.ledger.JdbcLedgerStore;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.ChainedSqliteStore;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What is written to the events file outside a command (a mail claimed, a name erased by the directory's check) waits
 * for the command in progress. Committed between the command's first read and its first write, it used to fail the
 * command at once with SQLITE_BUSY_SNAPSHOT: SQLite cannot move a transaction that has read an older snapshot on to
 * writing, and its busy timeout does not apply there.
 */
class WritesBesideCommandsTest {

    @TempDir
    Path folder;

    /** The events file as the application wires it: its single writer, the chain's head in its ledger table. */
    private ChainedSqliteStore store;
    private JdbcTemplate jdbc;
    private TransactionManager writer;
    private JdbcLedgerStore ledger;

    @BeforeEach
    void open() {
        store = new ChainedSqliteStore(folder, 4);
        jdbc = store.sql();
        writer = store.writer();
        ledger = store.ledger();
    }

    @AfterEach
    void close() {
        store.close();
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
