package org.accord.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One Accord per data folder: two processes writing the same SQLite files would fight for them (each assumes it is the
 * single writer) and the second used to die deep inside its start with a long stack trace. The first holds an
 * operating-system lock on {@value #FILE} in the folder for as long as it runs (the lock goes with the process, even on
 * {@code kill -9}); the file says which process holds it, for the sentence the second one prints.
 */
public final class DataFolderLock implements AutoCloseable {

    public static final String FILE = "accord.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Another Accord runs on this data folder. */
    public static final class InUse extends RuntimeException {
        public InUse(Path folder, String holder) {
            super("the data folder " + folder + " is in use by another Accord" + (holder.isBlank() ? ""
                    : " (process " + holder + ")") + ": stop that one first, or give this one a folder of its own"
                    + " with ACCORD_DATA_DIR");
        }
    }

    /** Takes the folder's lock for this process, or says who holds it. */
    public static DataFolderLock acquire(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new InUse(folder, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataFolderLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the data folder " + folder, e);
        }
    }

    /**
     * Checks without keeping anything, for the command line before anything starts: empty if the folder is free (or
     * does not exist yet, in which case nothing is created).
     */
    public static Optional<InUse> inUse(Path folder) {
        if (!Files.isRegularFile(folder.resolve(FILE))) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(folder.resolve(FILE), StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return Optional.of(new InUse(folder, holder(channel)));
            }
            lock.release();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // the start itself will say what is wrong with the folder
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
