package org.accord.app.production;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

import org.accord.app.platform.readyourwrites.SharedTokenPositions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Whether {@link KeysFromTheEvents} has written the keys of every event stored so far: asked before a key that is
 * not in MongoDB is taken as new. Normally one look at the head of the event store and at the processor's segments
 * here; where some segments are processed on other replicas (or none has been claimed yet, as after a restart),
 * their stored tokens tell, which are written only after the keys they cover.
 */
public class KeysCaughtUp {

    private static final long PAUSE_NANOS = Duration.ofMillis(1).toNanos();

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final SharedTokenPositions sharedTokens;

    public KeysCaughtUp(EventStore eventStore, EventProcessingConfiguration processing, TokenStore tokenStore,
                        SharedTokenPositions sharedTokens) {
        this.eventStore = eventStore;
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.sharedTokens = sharedTokens;
    }

    /** @return whether the projection reached the head of the event store within the timeout */
    public boolean await(Duration timeout) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong target = head == null ? OptionalLong.empty() : head.position();
        if (target.isEmpty()) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(target.getAsLong())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return true;
    }

    private boolean reached(long position) {
        String name = KeysFromTheEvents.PROCESSING_GROUP;
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        if (processor.isPresent() && processor.get().isRunning()) {
            Map<Integer, EventTrackerStatus> here = processor.get().processingStatus();
            if (!here.isEmpty() && here.values().stream().allMatch(s -> !s.isErrorState()
                    && s.getCurrentPosition().orElse(-1) >= position)
                    && here.size() == tokenStore.fetchSegments(name).length) {
                return true;
            }
        }
        return sharedTokens.reached(name, position);
    }
}
