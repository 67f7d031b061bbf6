package org.accord.app.embedded;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.accord.app.config.ReadModelSnapshots;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded mode's read models and tokens: one H2 MVStore file, saved in versions. What survives a crash is the
 * last version saved, so Accord saves them itself instead of H2's background writer: H2 saves one map (collection)
 * after another while other threads go on writing, and a version could then hold a projection's new token without
 * the documents written just before it, losing them for good (the reliability suite's kill test found documents and
 * decision-log records missing after kill -9). Here a save waits until no batch is between its documents and its
 * token ({@link #together}), so every version has each batch whole or not at all.
 */
public final class ReadModelFile implements ReadModelSnapshots, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFile.class);

    private final MVStore store;
    private final ReadWriteLock batches = new ReentrantReadWriteLock();
    private final ScheduledExecutorService saver;

    ReadModelFile(Path file, long saveEveryMillis) {
        this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-saver");
            thread.setDaemon(true);
            return thread;
        });
        saver.scheduleWithFixedDelay(this::saveQuietly, saveEveryMillis, saveEveryMillis, TimeUnit.MILLISECONDS);
    }

    MVStore store() {
        return store;
    }

    @Override
    public void together(Runnable writes) {
        batches.readLock().lock(); // shared: the projections' batches do not wait for one another
        try {
            writes.run();
        } finally {
            batches.readLock().unlock();
        }
    }

    /** Saves what has been written since the last save, between batches. */
    void save() {
        batches.writeLock().lock();
        try {
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                store.commit();
            }
        } finally {
            batches.writeLock().unlock();
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException e) {
            // H2 closes the file after a failed write (a full disk): the read models then need a restart, which
            // replays from the last version saved (docs/decisions.md, "Left for later")
            log.error("could not save the read models: {}", e.getMessage());
        }
    }

    /** After the MongoDB server (which closes the store, saving it) has stopped: stop saving. */
    @Override
    public void close() {
        saver.shutdownNow();
        if (!store.isClosed()) {
            save();
            store.close();
        }
    }
}
