package org.accord.app.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Where each projection stands against the head of the event store: what a rebuild reports as its progress and
 * what the lag metric measures. Positions are global indexes (the number of the event, from 0).
 */
@Component
public class ProcessorPositions {

    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;

    public ProcessorPositions(EventStore eventStore, EventProcessingConfiguration processing) {
        this.eventStore = eventStore;
        this.processing = processing;
    }

    /**
     * @param position  the lowest position over this node's segments (-1 before the first event; empty while the
     *                  processor owns no segment here)
     * @param behind    events between the position and the head (empty while the processor owns no segment here)
     * @param replaying whether any segment is still replaying history after a reset
     * @param segments  segments this node processes; in a cluster the others are on other nodes
     */
    public record Position(String processor, boolean running, boolean replaying, boolean error, int segments,
                           Long position, Long behind) {
    }

    /** The head of the event store: the global index of its newest event, -1 when it is empty. */
    public long head() {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    public List<StreamingEventProcessor> processors() {
        List<StreamingEventProcessor> found = new ArrayList<>();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                found.add(streaming);
            }
        }
        found.sort(Comparator.comparing(EventProcessor::getName));
        return found;
    }

    public List<Position> all() {
        long head = head();
        return processors().stream().map(p -> of(p, head)).toList();
    }

    static Position of(StreamingEventProcessor processor, long head) {
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        boolean replaying = false;
        boolean error = false;
        Long lowest = null;
        for (EventTrackerStatus status : segments.values()) {
            replaying |= status.isReplaying();
            error |= status.isErrorState();
            OptionalLong current = status.getCurrentPosition();
            long at = current.isPresent() ? current.getAsLong() : -1;
            lowest = lowest == null ? at : Math.min(lowest, at);
        }
        return new Position(processor.getName(), processor.isRunning(), replaying, error, segments.size(), lowest,
                lowest == null ? null : Math.max(0, head - lowest));
    }
}
