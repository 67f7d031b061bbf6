package org.accord.app.embedded;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Empties an SQLite file's write-ahead log into the file and truncates it to zero bytes. After an erasure this is what
 * takes the erased values out of the data folder: {@code secure_delete} zeroes them in the database file's pages, but
 * the WAL still holds the frames written before (the registration's insert) until a checkpoint copies the new pages
 * home and the log is cut.
 * <p>
 * A reader still on an older snapshot (a projection's fetch, a query) keeps the checkpoint from finishing; SQLite then
 * waits for it through the busy timeout, and answers busy if it is still there. Then it is tried again a few times,
 * and a checkpoint that still cannot finish is logged: the next one (after the next erasure, or the last connection
 * closing at shutdown) completes it.
 */
final class WalTruncation {

    private static final Logger log = LoggerFactory.getLogger(WalTruncation.class);
    private static final int ATTEMPTS = 3;

    private final DataSource dataSource;
    private final String file;

    WalTruncation(DataSource dataSource, String file) {
        this.dataSource = dataSource;
        this.file = file;
    }

    /** True when the log was copied home and truncated. */
    boolean truncate() {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // a connection of its own, outside any transaction: a checkpoint cannot pass a snapshot its own
            // connection holds
            try (Connection connection = dataSource.getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
                boolean busy = result.next() && result.getInt(1) != 0;
                if (!busy) {
                    log.debug("{}: write-ahead log checkpointed and truncated", file);
                    return true;
                }
                log.info("{}: a reader kept the write-ahead log from being truncated (attempt {} of {})", file,
                        attempt, ATTEMPTS);
            } catch (SQLException e) {
                log.warn("{}: the write-ahead log could not be checkpointed (attempt {} of {}): {}", file, attempt,
                        ATTEMPTS, e.getMessage());
            }
            pause(attempt);
        }
        log.warn("{}: the write-ahead log still holds frames from before an erasure; they go at the next checkpoint"
                + " that finishes (the next erasure, or shutdown)", file);
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
