package org.accord.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A data folder of an earlier version kept its read models in {@code readmodels.mv.db} (mongo-java-server's H2
 * backend). They are not converted: the new read-model database starts without tokens, so every projection rebuilds
 * its documents from the events (the source of truth), and the application is ready once they have caught up. The old
 * file goes first, so that no stale copy of the read models (nor of an erased person's data in them) stays behind.
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
}
