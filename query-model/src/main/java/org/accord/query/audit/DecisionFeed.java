package org.accord.query.audit;

import org.accord.api.audit.DecisionRecordView;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Each decision record as it is written, for live subscribers in this process, each seeing only the trust it asked
 * for. A slow subscriber misses records rather than holding up the projection (it can page the log for them).
 */
@Component
public class DecisionFeed {

    private final Sinks.Many<DecisionRecordView> sink = Sinks.many().multicast().directBestEffort();

    void publish(DecisionRecordView record) {
        sink.tryEmitNext(record);
    }

    public Flux<DecisionRecordView> records(String trustId) {
        return sink.asFlux().filter(r -> r.trustId().equals(trustId));
    }
}
