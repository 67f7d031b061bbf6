package org.accord.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.accord.query.ReadModelShape;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data folder of an earlier version kept its read models in {@code readmodels.mv.db} (mongo-java-server's H2
 * backend), or in {@code readmodels.db} but in an earlier shape ({@link ReadModelShape}, kept in SQLite's
 * {@code user_version} of the file). They are not converted: the new read-model database starts without tokens, so
 * every projection rebuilds its documents from the events (the source of truth), with its progress in the log
 * (CatchUpProgressLog), and the application is ready once they have caught up. The old file goes first, so that no
 * stale copy of the read models (nor of an erased person's data in them) stays behind.
 */
final class ReadModelUpgrade {

    private static final Logger log = LoggerFactory.getLogger(ReadModelUpgrade.class);
    static final String OLD_FILE = "readmodels.mv.db";

    private ReadModelUpgrade() {
    }

    static void leaveTheOldReadModelFile(Path folder) {
        Path old = folder.resolve(OLD_FILE);
        if (!Files.exists(old)) {
            return;
        }
        try {
            long size = Files.size(old);
            log.info("Upgrading the data folder {}: the read models move from {} ({} MB) to {}; they are rebuilt"
                            + " from the events now, and Accord is ready once every projection has caught up",
                    folder, OLD_FILE, size / (1024 * 1024), ReadModelDatabase.FILE_NAME);
            Files.delete(old);
            Files.deleteIfExists(folder.resolve("readmodels.trace.db"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the old read-model file " + old, e);
        }
    }

    /** Removes the read-model database if it holds read models of an earlier shape; then it is made anew. */
    static void leaveReadModelsOfAnEarlierShape(Path folder) {
        Path file = folder.resolve(ReadModelDatabase.FILE_NAME);
        if (!Files.exists(file)) {
            return;
        }
        int shape = shapeOf(file);
        if (shape >= ReadModelShape.VERSION) {
            return;
        }
        try {
            log.info("Upgrading the data folder {}: its read models in {} ({} MB) have shape {}, this version reads"
                            + " shape {}; they are rebuilt from the events now, and Accord is ready once every projection"
                            + " has caught up", folder, ReadModelDatabase.FILE_NAME, Files.size(file) / (1024 * 1024),
                    shape, ReadModelShape.VERSION);
            Files.delete(file);
            Files.deleteIfExists(folder.resolve(ReadModelDatabase.FILE_NAME + "-wal"));
            Files.deleteIfExists(folder.resolve(ReadModelDatabase.FILE_NAME + "-shm"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the read models of an earlier shape " + file, e);
        }
    }

    /**
     * Marks the read-model database with the shape this version writes. A file made before the mark (a crash at the
     * first start) is taken for an earlier shape at the next and made anew: it held nothing the events cannot give.
     */
    static void markTheShape(DataSource readModels) {
        try (Connection connection = readModels.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + ReadModelShape.VERSION);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark the read models' shape", e);
        }
    }

    private static int shapeOf(Path file) {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("PRAGMA user_version")) {
            return version.next() ? version.getInt(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the shape of the read models in " + file, e);
        }
    }
}
