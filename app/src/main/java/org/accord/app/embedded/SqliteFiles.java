package org.accord.app.embedded;

import java.nio.file.Path;

/**
 * How Accord opens each of its SQLite files (the events, the read models), in one place. These are connection
 * settings, so the driver applies them to every connection a pool opens:
 * <ul>
 * <li>WAL lets projections read while a command writes;</li>
 * <li>{@code synchronous} decides what a power cut may take (NORMAL: nothing on a process crash, possibly the last
 * commits on a power cut; FULL: nothing on either, at an fsync per commit);</li>
 * <li>{@code busy_timeout} covers the moments the WAL is checkpointed;</li>
 * <li>{@code secure_delete} is for erasure: without it SQLite leaves a deleted or replaced value (an erased person's
 * name) readable in the file's free space until the space is reused; with it, freed space is overwritten with
 * zeros.</li>
 * <li>{@code jdbc.get_generated_keys} off: by default the driver runs a query for the key of every row an INSERT
 * made, in case the caller asks for it; nothing in Accord (nor Axon's JDBC engine) does, and that query was about 2%
 * of a vote's request (docs/benchmarks.md, session 38).</li>
 * </ul>
 */
public final class SqliteFiles {

    private SqliteFiles() {
    }

    public static String jdbcUrl(Path file, String synchronous) {
        return "jdbc:sqlite:" + file + "?journal_mode=WAL&synchronous=" + synchronous + "&busy_timeout=10000"
                + "&secure_delete=true&jdbc.get_generated_keys=false";
    }
}
