package org.accord.app.shared;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes: after a mutation's events are stored, wait until every projection has processed them, so that a
 * query sent after the mutation returned sees its effect. Projections in the same process are woken by the append,
 * so the wait is normally a few milliseconds.
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    private static final long PAUSE_NANOS = Duration.ofMillis(1).toNanos();

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final SharedTokenPositions sharedTokens;
    private final Duration timeout;
    private volatile boolean restarting;

    public ProjectionCatchUp(EventStore eventStore, EventProcessingConfiguration processing,
                             SharedTokenPositions sharedTokens,
                             @Value("${accord.read-your-writes-timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.sharedTokens = sharedTokens;
        this.timeout = timeout;
    }

    /**
     * Waits until every projection has reached the newest event in the store, or the timeout passes.
     *
     * @return whether the projections caught up in time
     */
    public boolean awaitLatest() {
        return awaitLatest(timeout);
    }

    /** @return whether the projections caught up in time */
    public boolean awaitLatest(Duration timeout) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong target = head == null ? OptionalLong.empty() : head.position();
        if (target.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!allReached(target.getAsLong())) {
            if (System.nanoTime() > deadline) {
                log.warn("projections did not reach event {} within {}", target.getAsLong(), timeout);
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return true;
    }

    /**
     * Runs work that stops the projections and starts them again (a rebuild of the read models). Meanwhile a stopped
     * projection counts as behind rather than being skipped, so that a mutation still returns only once the
     * restarted projections have processed its events (or the timeout passed).
     */
    public void whileRestarting(Runnable work) {
        restarting = true;
        try {
            work.run();
        } finally {
            restarting = false;
        }
    }

    private boolean allReached(long position) {
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && (streaming.isRunning() || restarting)
                    && !reached(streaming, position)) {
                return false;
            }
        }
        return true;
    }

    private boolean reached(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            // no segment here: other replicas process it (or it is starting); their stored tokens say where it is
            return !restarting && sharedTokens.reached(processor.getName(), position);
        }
        for (EventTrackerStatus status : segments.values()) {
            if (status.isErrorState()) {
                continue; // a failing projection is reported by its processor; do not hang every request on it
            }
            OptionalLong current = status.getCurrentPosition();
            if (current.isEmpty() || current.getAsLong() < position) {
                return false;
            }
        }
        return true;
    }
}
