package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What each part of erasure does to the bytes of the events file, on a file of its own (fast, no application): the
 * name is zeroed in the file's pages only with {@code secure_delete} on, leaves the write-ahead log only when the log
 * is truncated after the erasure commits, and a file of an earlier version that erased without zeroing is scrubbed
 * once.
 */
class ErasedNamesInTheSqliteFileTest {

    private static final String ERASED = "Philippa Thistlewood-Arkwright";
    private static final String KEPT = "Cornelius Fennimore-Blaxland";
    /**
     * Erased first: SQLite writes a shorter row into the tail of the space the longer one freed, which overwrites a
     * name by chance; the next erasure's shorter row goes into the space left at the front of this one, so the
     * second name's bytes are kept whole unless freed space is zeroed.
     */
    private static final String ERASED_FIRST = "Maximiliana Wolstenholme-Fotheringay-Pemberton-Ashcombe";
    private static final String PLAIN_URL_OF_AN_EARLIER_VERSION = "?journal_mode=WAL&synchronous=NORMAL"
            + "&busy_timeout=10000";

    @TempDir
    Path folder;

    private PooledSqliteFile file;

    @AfterEach
    void closePool() {
        if (file != null) {
            file.close();
        }
    }

    @Test
    void anErasureCommittedThroughTheDirectoryLeavesTheNameInNoFile() throws Exception {
        DataSource events = open(SqliteFiles.jdbcUrl(folder.resolve("events.db"), "NORMAL"));
        JdbcTemplate jdbc = new JdbcTemplate(events);
        JdbcPersonDirectory directory = directory(events, new WalTruncation(events, "events.db")::truncate);
        registerThree(directory);
        // the registrations reached the file itself long ago; the log holds them too until it is cut
        jdbc.queryForList("PRAGMA wal_checkpoint(PASSIVE)");

        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(events));
        transaction.executeWithoutResult(status -> directory.erase("p-first"));
        transaction.executeWithoutResult(status -> directory.erase("p-erased"));

        assertThat(RawFiles.holding(folder, KEPT)).as("the kept name (else the search finds nothing)").isNotEmpty();
        assertThat(RawFiles.holding(folder, ERASED)).isEmpty();
        assertThat(RawFiles.holding(folder, ERASED_FIRST)).isEmpty();
        assertThat(directory.find("p-erased").erased()).isTrue();
    }

    @Test
    void withoutSecureDeleteTheErasedNameStaysInTheFileAfterTheLogIsCut() throws Exception {
        DataSource events = open("jdbc:sqlite:" + folder.resolve("events.db") + PLAIN_URL_OF_AN_EARLIER_VERSION);
        JdbcTemplate jdbc = new JdbcTemplate(events);
        JdbcPersonDirectory directory = directory(events, new WalTruncation(events, "events.db")::truncate);
        registerThree(directory);
        jdbc.queryForList("PRAGMA wal_checkpoint(PASSIVE)");

        directory.erase("p-first");
        directory.erase("p-erased");

        assertThat(RawFiles.holding(folder, ERASED)).containsExactly("events.db (UTF-8)");
    }

    @Test
    void withoutTruncatingTheLogTheErasedNameStaysInIt() throws Exception {
        DataSource events = open(SqliteFiles.jdbcUrl(folder.resolve("events.db"), "NORMAL"));
        JdbcPersonDirectory directory = directory(events, () -> {
        });
        registerThree(directory);

        directory.erase("p-erased");

        assertThat(RawFiles.holding(folder, ERASED)).containsExactly("events.db-wal (UTF-8)");
    }

    @Test
    void aFileOfAnEarlierVersionThatErasedWithoutZeroingIsScrubbedOnceOnTheFirstStart() throws Exception {
        DataSource earlier = open("jdbc:sqlite:" + folder.resolve("events.db") + PLAIN_URL_OF_AN_EARLIER_VERSION);
        JdbcTemplate jdbc = new JdbcTemplate(earlier);
        JdbcPersonDirectory directory = directory(earlier, () -> {
        });
        registerThree(directory);
        directory.erase("p-first");
        directory.erase("p-erased");
        jdbc.queryForList("PRAGMA wal_checkpoint(TRUNCATE)");
        assertThat(RawFiles.holding(folder, ERASED)).as("before the upgrade").containsExactly("events.db (UTF-8)");
        file.close();

        DataSource events = open(SqliteFiles.jdbcUrl(folder.resolve("events.db"), "NORMAL"));
        JdbcTemplate upgraded = new JdbcTemplate(events);
        WalTruncation eventsLog = new WalTruncation(events, "events.db");
        NamesErasedBeforeSecureDelete.scrubOnce(upgraded, eventsLog);
        NamesErasedBeforeSecureDelete.scrubOnce(upgraded, eventsLog);

        assertThat(RawFiles.holding(folder, ERASED)).as("after the upgrade").isEmpty();
        assertThat(RawFiles.holding(folder, KEPT)).as("the kept name, still there").isNotEmpty();
        assertThat(upgraded.queryForObject("SELECT count(*) FROM data_folder_upgrades", Integer.class))
                .as("steps recorded").isEqualTo(1);
    }

    private static void registerThree(JdbcPersonDirectory directory) {
        directory.record("p-first", "t", ERASED_FIRST);
        directory.record("p-erased", "t", ERASED);
        directory.record("p-kept", "t", KEPT);
    }

    /** The directory as the application makes it: its writes outside commands take the file's single writer. */
    private static JdbcPersonDirectory directory(DataSource events, Runnable afterErasure) {
        return new JdbcPersonDirectory(new JdbcTemplate(events), afterErasure, new SingleWriterTransactionManager(
                new SpringTransactionManager(new DataSourceTransactionManager(events))));
    }

    private DataSource open(String url) {
        file = new PooledSqliteFile(url, 4);
        return file.dataSource();
    }
}
