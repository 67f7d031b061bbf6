package org.accord.app.platform.readyourwrites;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

import org.accord.app.platform.projections.BatchesCommitted;
import org.accord.app.platform.projections.ProjectionTransactions;
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
 * so the wait is normally a few milliseconds; the waiter is woken in turn when they move ({@link ProjectionsAdvanced}).
 */
@Component
public class ProjectionCatchUp {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCatchUp.class);
    /** Each look at whether a rebuild can go live reads every projection's stored tokens. */
    private static final long SWITCH_PAUSE_NANOS = Duration.ofMillis(20).toNanos();

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final SharedTokenPositions sharedTokens;
    private final RebuiltReadModels rebuilt;
    private final ProjectionsAdvanced advanced;
    private final BatchesCommitted committed;
    private final Duration timeout;
    private volatile boolean restarting;

    public ProjectionCatchUp(EventStore eventStore, EventProcessingConfiguration processing,
                             SharedTokenPositions sharedTokens, RebuiltReadModels rebuilt,
                             ProjectionsAdvanced advanced, ProjectionTransactions transactions,
                             @Value("${accord.read-your-writes-timeout:10s}") Duration timeout) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.sharedTokens = sharedTokens;
        this.rebuilt = rebuilt;
        this.advanced = advanced;
        this.committed = transactions == null ? BatchesCommitted.ALWAYS : transactions.committed();
        this.timeout = timeout;
    }

    /**
     * Waits until every projection has reached the newest event in the store, or the timeout passes.
     *
     * @return whether the projections caught up in time
     */
    public boolean awaitLatest() {
        return awaitLatest(timeout, true);
    }

    /**
     * The same wait for a caller that waits again and says itself how it goes (the start, which waits for a replay a
     * few seconds at a time and logs its progress): no warning each time the time passes.
     *
     * @return whether the projections caught up in time
     */
    public boolean awaitLatest(Duration timeout) {
        return awaitLatest(timeout, false);
    }

    private boolean awaitLatest(Duration timeout, boolean warnWhenLate) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong target = head == null ? OptionalLong.empty() : head.position();
        if (target.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        // read before each look: a move reported between the look and the wait ends the wait at once
        long seen = advanced.changes();
        while (!allReached(target.getAsLong())) {
            if (anyFailing()) {
                // a projection that cannot write (a full disk, say) retries on its own schedule: waiting the whole
                // timeout would hold every request, and answering as if caught up would build payloads from read
                // models that lack the change
                log.debug("projections did not reach event {}: one is failing and retrying", target.getAsLong());
                return false;
            }
            if (System.nanoTime() > deadline) {
                if (warnWhenLate) {
                    log.warn("projections did not reach event {} within {}", target.getAsLong(), timeout);
                }
                return false;
            }
            advanced.awaitChangeAfter(seen);
            seen = advanced.changes();
        }
        // the projections have passed a rebuild's target too (it was the head at its start): its generation, which
        // holds what they just processed, must be the one the next query reads. The switch reads the stored tokens,
        // which production's pooled processors store a few seconds after their position moves when a batch had
        // nothing for them to handle: wait for it as for the projections (the embedded tokens commit with the batch)
        while (rebuilt.goLiveIfReplayed()) {
            if (anyFailing() || System.nanoTime() > deadline) {
                if (warnWhenLate) {
                    log.warn("the rebuilt read models did not go live within {}: the change is in them, not yet in"
                            + " the ones queries read", timeout);
                }
                return false;
            }
            LockSupport.parkNanos(SWITCH_PAUSE_NANOS);
        }
        return true;
    }

    /**
     * Wraps work that stops the projections and starts them again (a rebuild of the read models), counting them as
     * restarting from now on, not from when the work begins: until it is done no mutation counts as caught up, since
     * what the projections reached before their reset is about to be cleared (with one processor for every read model a
     * mutation's event is projected within milliseconds, so a mutation sent just after the rebuild was accepted could
     * otherwise be answered from read models cleared under it). So a mutation returns only once the restarted
     * projections have processed its events (or the timeout passed).
     */
    public Runnable restarting(Runnable work) {
        restarting = true;
        return () -> {
            try {
                work.run();
            } finally {
                restarting = false;
            }
        };
    }

    private boolean allReached(long position) {
        if (restarting) {
            return false;
        }
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()
                    && !reached(streaming, position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * How far the projections here have come, as one number that grows while any of them advances (the sum of their
     * segments' positions), or empty before any has a position: a start that is still replaying can tell progress
     * from a stall.
     */
    public OptionalLong progress() {
        long sum = 0;
        boolean any = false;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                for (EventTrackerStatus status : streaming.processingStatus().values()) {
                    OptionalLong current = status.getCurrentPosition();
                    if (current.isPresent()) {
                        sum += current.getAsLong();
                        any = true;
                    }
                }
            }
        }
        return any ? OptionalLong.of(sum) : OptionalLong.empty();
    }

    /** Whether a projection here is failing (and will retry): its read model lags until it recovers. */
    private boolean anyFailing() {
        return failure().isPresent();
    }

    /** Why a projection here is failing (and retrying), if one is: what keeps its read model behind. */
    public Optional<Throwable> failure() {
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                for (EventTrackerStatus status : streaming.processingStatus().values()) {
                    if (status.isErrorState()) {
                        return Optional.ofNullable(status.getError()).or(() -> Optional.of(
                                new IllegalStateException("projection " + processor.getName() + " is failing")));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private boolean reached(StreamingEventProcessor processor, long position) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        if (segments.isEmpty()) {
            // no segment here: other replicas process it (or it is starting); their stored tokens say where it is
            return sharedTokens.reached(processor.getName(), position);
        }
        for (EventTrackerStatus status : segments.values()) {
            OptionalLong current = status.getCurrentPosition();
            if (current.isEmpty() || current.getAsLong() < position) {
                return false;
            }
        }
        // processed is not yet readable where the runtime commits a batch behind its processor
        return committed.through(position);
    }
}
