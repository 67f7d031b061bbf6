package org.accord.app.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.accord.app.operations.ProcessorPositions;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Brings the read models back after their file could not be saved (the data folder's disk full): stops every
 * projection, waits until there is space again, opens the file at its last save and serves it on the same port, and
 * starts the projections, which replay from the tokens of that save. The projections must stop before the file is
 * opened again: a processor still running would carry on from the position it had reached in memory, past
 * documents the reopened file no longer has. Meanwhile health says DOWN with the reason ({@link #problem}).
 * <p>
 * Nothing acknowledged is at stake here: acknowledged events are in the event store, and read models are rebuilt
 * from them.
 */
@Component
@Profile("!production")
public class ReadModelRecovery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRecovery.class);
    /** Space wanted before the file is opened again: a save of a few batches, so it does not fail at once. */
    static final long FREE_SPACE_TO_REOPEN = 4L * 1024 * 1024;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private final ReadModelServer server;
    private final ProcessorPositions positions;
    private final DataDirectory data;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-recovery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String problem;
    private volatile boolean stopping;

    public ReadModelRecovery(ReadModelServer server, ProcessorPositions positions, DataDirectory data) {
        this.server = server;
        this.positions = positions;
        this.data = data;
        watcher.scheduleWithFixedDelay(this::recoverIfFailed, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Why the read models are not being served from a healthy file right now; empty when they are. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    private void recoverIfFailed() {
        Optional<String> failure = server.file().failure();
        if (failure.isEmpty() || stopping) {
            return;
        }
        problem = "the read models could not be saved to " + data.path() + " (" + failure.get() + "); they are"
                + " opened again at their last save once there is space";
        long started = System.nanoTime();
        List<StreamingEventProcessor> projections = positions.processors();
        stopAll(projections);
        long lastLog = 0;
        while (!stopping) {
            long free = freeSpace();
            if (free >= FREE_SPACE_TO_REOPEN) {
                try {
                    server.restartFromLastSave();
                    break;
                } catch (RuntimeException e) {
                    problem = "the read models could not be opened again (" + e.getMessage() + "); retrying";
                }
            }
            if (System.nanoTime() - lastLog > Duration.ofMinutes(1).toNanos()) {
                lastLog = System.nanoTime();
                log.warn("read models waiting to reopen: {} bytes free in {}, {} wanted; {}", free, data.path(),
                        FREE_SPACE_TO_REOPEN, problem);
            }
            sleep(Duration.ofSeconds(1));
        }
        if (stopping) {
            return;
        }
        projections.forEach(StreamingEventProcessor::start);
        problem = null;
        log.info("read models opened again at their last save after {} ms; the projections replay from there",
                (System.nanoTime() - started) / 1_000_000);
    }

    private static void stopAll(List<StreamingEventProcessor> projections) {
        try {
            CompletableFuture.allOf(projections.stream().map(StreamingEventProcessor::shutdownAsync)
                    .toArray(CompletableFuture[]::new)).get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // a processor that does not stop in time is stuck on the closed file; it is started afresh below
            log.warn("projections did not all stop within {}: {}", STOP_TIMEOUT, e.toString());
        }
    }

    private long freeSpace() {
        try {
            return Files.getFileStore(data.path()).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        stopping = true;
        watcher.shutdownNow();
    }
}
