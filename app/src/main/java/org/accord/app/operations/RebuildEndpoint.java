package org.accord.app.operations;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/rebuild} starts a rebuild of every read model; {@code GET /actuator/rebuild} reports it,
 * with each projection's position against the head of the event store. Operators only (SecurityConfiguration).
 */
@Component
@Endpoint(id = "rebuild")
public class RebuildEndpoint {

    private final ReadModelRebuild rebuild;
    private final ProcessorPositions positions;

    public RebuildEndpoint(ReadModelRebuild rebuild, ProcessorPositions positions) {
        this.rebuild = rebuild;
        this.positions = positions;
    }

    public record Progress(ReadModelRebuild.Run rebuild, long head, List<ProcessorPositions.Position> projections) {
    }

    @ReadOperation
    public Progress progress() {
        ReadModelRebuild.Run run = rebuild.current();
        return new Progress(run, positions.head(), positions.all());
    }

    /** 202 with the progress so far; 409 when a rebuild is already under way. */
    @WriteOperation
    public WebEndpointResponse<Object> start() {
        try {
            ReadModelRebuild.Run run = rebuild.start();
            return new WebEndpointResponse<>(new Progress(run, positions.head(), positions.all()), 202);
        } catch (IllegalStateException e) {
            return new WebEndpointResponse<>(java.util.Map.of("error", e.getMessage()), 409);
        }
    }
}
