package org.accord.app.platform.readyourwrites;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import org.accord.app.platform.failures.StorageFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * After a crash the projections replay the events their tokens had not covered yet. The application reports itself
 * ready (and {@code /actuator/health} says UP) only once they have, so the first query after a restart already
 * sees everything that was acknowledged before it.
 */
@Component
class CatchUpBeforeReady implements ApplicationRunner, ApplicationListener<ContextClosedEvent>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(CatchUpBeforeReady.class);
    private static final Duration RETRY_EVERY = Duration.ofMillis(500);
    private static final Duration WORD_EVERY = Duration.ofSeconds(10);
    private static final Duration PROGRESS_CHECK = Duration.ofSeconds(5);

    private final ProjectionCatchUp catchUp;
    private final RebuiltReadModels rebuilt;
    private final Duration timeout;
    /** The context began to close (a stop) while the start may still be waiting. */
    private volatile boolean stopping;

    CatchUpBeforeReady(ProjectionCatchUp catchUp, RebuiltReadModels rebuilt,
                       @Value("${accord.startup-catch-up-timeout:10m}") Duration timeout) {
        this.catchUp = catchUp;
        this.rebuilt = rebuilt;
        this.timeout = timeout;
    }

    /**
     * A replay can take a while (a rebuild from nothing); not being ready is better than answering stale. An event
     * store that cannot be reached yet (Axon Server started after Accord, or restarting) is waited for, saying so
     * every few seconds, within the same time limit: the process neither hangs nor gives up at the first try.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (rebuilt.building().isPresent()) {
            // a rebuild a crash interrupted: queries read the previous generation, complete as it was, while the
            // replay resumes (ReadModelRebuild reports it); waiting for the whole replay would keep Accord down
            log.info("Ready with the read models of before the interrupted rebuild; it resumes in the background");
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextWord = 0;
        OptionalLong progress = OptionalLong.empty();
        while (true) {
            try {
                boolean caughtUp = catchUp.awaitLatest(Duration.ofNanos(Math.max(0, Math.min(
                        deadline - System.nanoTime(), PROGRESS_CHECK.toNanos()))));
                stopIfStopping();
                if (caughtUp) {
                    return;
                }
                // the limit is on a stall, not on the whole replay: an upgrade of a large data folder rebuilds its
                // read models from every event and may take longer than any fixed limit (8 minutes at 1M events on
                // a quiet machine in session 27, 2 in session 31; more than 10 on a busy one, and the start failed
                // half-way); while the projections advance the start waits, and only a time limit without progress
                // stops it
                OptionalLong now = catchUp.progress();
                if (now.isPresent() && (progress.isEmpty() || now.getAsLong() > progress.getAsLong())) {
                    progress = now;
                    deadline = System.nanoTime() + timeout.toNanos();
                }
                Optional<Throwable> failing = catchUp.failure();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the projections did not catch up with the events within "
                            + timeout + " (accord.startup-catch-up-timeout) without advancing" + failing.map(
                                    f -> ": a projection is failing: " + f.getMessage()).orElse(""));
                }
                // a projection in Axon's retry mode (one busy moment of the store, a disk that was full) may well
                // recover on its next try: it is waited for within the same time limit, not taken for a failed start
                if (failing.isPresent() && System.nanoTime() > nextWord) {
                    log.warn("Not ready yet: a projection is failing and retrying: {}", failing.get().getMessage());
                    nextWord = System.nanoTime() + WORD_EVERY.toNanos();
                }
                sleep();
            } catch (StoppedWhileCatchingUp stopped) {
                throw stopped;
            } catch (RuntimeException failed) {
                stopIfStopping(); // the processors and stores closing under a stop are no failure of the start
                String unreachable = StorageFailure.describe(failed).orElseThrow(() -> failed);
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the event store could not be reached within " + timeout
                            + " (accord.startup-catch-up-timeout): " + failed.getMessage(), failed);
                }
                if (System.nanoTime() > nextWord) {
                    log.warn("Not ready yet, waiting for the event store: {} ({})", failed.getMessage(),
                            unreachable.substring(0, unreachable.indexOf(',') < 0 ? unreachable.length()
                                    : unreachable.indexOf(',')));
                    nextWord = System.nanoTime() + WORD_EVERY.toNanos();
                }
                sleep();
            }
        }
    }

    /**
     * A stop while the start waits (an operator stopping an upgrade's rebuild half-way) ends the start as it asked,
     * in one line, not as a failed start: the processors keep their positions and the next start goes on from there.
     */
    private void stopIfStopping() {
        if (stopping) {
            String where = where();
            log.info("Stopped while the projections were catching up{}: the next start goes on from there", where);
            throw new StoppedWhileCatchingUp("Accord was stopped while its projections were catching up" + where);
        }
    }

    /** Where the projections were, as far as the stores closing under the stop still tell. */
    private String where() {
        try {
            return catchUp.progress().stream().mapToObj(at -> " at event " + at).findFirst().orElse("");
        } catch (RuntimeException closing) {
            return "";
        }
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        stopping = true;
    }

    private static void sleep() {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the event store", e);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
