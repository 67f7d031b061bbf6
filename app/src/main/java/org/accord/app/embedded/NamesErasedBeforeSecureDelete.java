package org.accord.app.embedded;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A data folder of an earlier version erased names without {@code secure_delete}: the bytes of those names may still
 * sit in the free space of the events file's pages, where no query shows them but anyone reading the file finds them.
 * On the first start of this version such a file is rebuilt once ({@code VACUUM} writes every page anew from the live
 * rows only) and its write-ahead log cut. A folder where nobody was erased has nothing to rebuild; either way the step
 * is recorded, so it never runs again.
 */
final class NamesErasedBeforeSecureDelete {

    private static final Logger log = LoggerFactory.getLogger(NamesErasedBeforeSecureDelete.class);
    static final String STEP = "names erased before secure_delete scrubbed";

    private NamesErasedBeforeSecureDelete() {
    }

    /** Runs at start, before the processors and the API use the file: VACUUM needs it to itself. */
    static void scrubOnce(JdbcTemplate jdbc, WalTruncation eventsLog) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS data_folder_upgrades (step TEXT PRIMARY KEY, done_at TEXT NOT NULL)");
        if (done(jdbc)) {
            return;
        }
        if (anyoneErased(jdbc)) {
            long started = System.nanoTime();
            log.info("Upgrading the data folder: people were erased before this version"
                    + " zeroed erased names in place, so events.db is rebuilt once (VACUUM) to leave no copy of their"
                    + " names in its free space");
            jdbc.execute("VACUUM");
            eventsLog.truncate();
            log.info("events.db rebuilt in {} ms",
                    (System.nanoTime() - started) / 1_000_000);
        }
        jdbc.update("INSERT INTO data_folder_upgrades (step, done_at) VALUES (?, ?)", STEP, Instant.now().toString());
    }

    private static boolean done(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT count(*) FROM data_folder_upgrades WHERE step = ?", Integer.class, STEP) > 0;
    }

    private static boolean anyoneErased(JdbcTemplate jdbc) {
        boolean directory = jdbc.queryForObject("SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                + " AND name = 'person_directory'", Integer.class) > 0;
        return directory && jdbc.queryForObject("SELECT count(*) FROM person_directory WHERE display_name IS NULL",
                Integer.class) > 0;
    }
}
