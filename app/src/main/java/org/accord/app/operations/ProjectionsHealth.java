package org.accord.app.operations;

import java.util.Map;
import java.util.TreeMap;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * DOWN while a projection is stuck on an event it failed to handle: it retries that event (backing off up to a
 * minute) instead of skipping it, so its read models fall behind until the cause is gone. The detail names the
 * projection and the error.
 */
@Component("projections")
class ProjectionsHealth extends AbstractHealthIndicator {

    private final ProcessorPositions positions;

    ProjectionsHealth(ProcessorPositions positions) {
        this.positions = positions;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> failing = new TreeMap<>();
        for (StreamingEventProcessor processor : positions.processors()) {
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                if (status.isErrorState()) {
                    Throwable error = status.getError();
                    failing.put(processor.getName() + "[" + status.getSegment().getSegmentId() + "]",
                            error == null ? "failed" : String.valueOf(error.getMessage()));
                }
            }
        }
        if (failing.isEmpty()) {
            builder.up();
        } else {
            builder.down().withDetails(Map.copyOf(failing));
        }
    }
}
