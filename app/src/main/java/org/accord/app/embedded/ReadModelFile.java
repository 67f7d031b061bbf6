package org.accord.app.embedded;

import java.nio.file.Path;
import java.util.Optional;
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
 * <p>
 * A save that fails (a full disk) makes H2 close the file for good. Everything since the last save is then gone
 * from memory too, documents and tokens alike, so the file can be opened again at that version ({@link #reopen})
 * and the projections replay from its tokens: {@link ReadModelRecovery} does that once space returns.
 */
public final class ReadModelFile implements ReadModelSnapshots, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFile.class);

    private final Path file;
    private final ReadWriteLock batches = new ReentrantReadWriteLock();
    private final ScheduledExecutorService saver;
    private volatile MVStore store;
    private volatile String failure;
    private volatile boolean closing;

    ReadModelFile(Path file, long saveEveryMillis) {
        this.file = file;
        this.store = open(file);
        this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-saver");
            thread.setDaemon(true);
            return thread;
        });
        saver.scheduleWithFixedDelay(this::saveQuietly, saveEveryMillis, saveEveryMillis, TimeUnit.MILLISECONDS);
    }

    private static MVStore open(Path file) {
        return new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
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
            MVStore current = store;
            if (!current.isClosed() && current.hasUnsavedChanges()) {
                current.commit();
            }
        } finally {
            batches.writeLock().unlock();
        }
    }

    private void saveQuietly() {
        try {
            save();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = causeOf(e);
                log.error("could not save the read models ({}): H2 has closed their file; it is opened again at its"
                        + " last save once there is space, and the projections replay from there", failure);
            }
        }
        if (failure == null && store.isClosed() && !closing) {
            failure = "the read-model file was closed";
            log.error("the read-model file {} was closed unexpectedly", file);
        }
    }

    /** Why the file is closed, when a failed save closed it; empty while it is open. */
    Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Opens the file again at its last saved version, after a failed save closed it. Nothing may use the previous
     * store afterwards: callers serve the new one ({@link #store()}) and restart whatever kept state from the old.
     *
     * @throws RuntimeException when the file cannot be opened yet (still no space, or no longer there)
     */
    void reopen() {
        batches.writeLock().lock();
        try {
            store.closeImmediately();
            store = open(file);
            failure = null;
        } finally {
            batches.writeLock().unlock();
        }
    }

    /** The innermost message: H2 wraps the operating system's words ("No space left on device") in its own. */
    private static String causeOf(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** After the MongoDB server (which closes the store, saving it) has stopped: stop saving. */
    @Override
    public void close() {
        closing = true;
        saver.shutdownNow();
        if (!store.isClosed()) {
            save();
            store.close();
        }
    }
}
