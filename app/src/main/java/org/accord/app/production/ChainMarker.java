package org.accord.app.production;

import java.util.Optional;

import io.axoniq.axonserver.grpc.event.Event;
import org.accord.app.ledger.ChainHasher;
import tools.jackson.databind.JsonNode;

/**
 * The payload of one event of a trust's chain stream in Axon Server: "position {@code position} of the chain of
 * {@code chain} is event {@code eventId} (of aggregate {@code aggregateId}, sequence {@code sequence}), whose link
 * hash is {@code hash}". Each is appended in the same Axon Server transaction as the event it names, at sequence
 * number {@code position - 1} of the aggregate {@link #streamOf(String) chain/<trustId>}, so Axon Server refuses a
 * second event at a position that is taken: that is what keeps replicas from forking a chain. The last one is the
 * chain's head.
 * <p>
 * The trust is named {@code chain}, not {@code trustId}, on purpose: nothing that looks for a trust's events (the
 * projections, the per-trust sequencing, the verifier) takes a marker for one of them.
 */
public record ChainMarker(String chain, long position, String hash, String eventId, String aggregateId,
                          long sequence) {

    /** The aggregate type of chain streams in Axon Server. */
    public static final String AGGREGATE_TYPE = "AccordChain";

    /**
     * A trust's chain stream: {@code chain/} and the trust's id. A '/' is in no id Accord accepts (ids are letters,
     * digits and {@code _ . : @ -}), so no aggregate of the domain can ever share it; {@code chain:} could.
     */
    public static String streamOf(String trustId) {
        return "chain/" + trustId;
    }

    /** The marker an Axon Server event holds; empty when it is not one (a foreign event on a chain stream). */
    static Optional<ChainMarker> of(Event event) {
        if (!AGGREGATE_TYPE.equals(event.getAggregateType())
                || !ChainMarker.class.getName().equals(event.getPayload().getType())) {
            return Optional.empty();
        }
        JsonNode payload = ChainHasher.payload(event.getPayload().getData().toByteArray());
        JsonNode chain = payload.path("chain");
        JsonNode hash = payload.path("hash");
        JsonNode eventId = payload.path("eventId");
        if (!chain.isString() || !hash.isString() || !eventId.isString() || !payload.path("position").isNumber()) {
            return Optional.empty();
        }
        JsonNode aggregateId = payload.path("aggregateId");
        return Optional.of(new ChainMarker(chain.asString(), payload.path("position").asLong(), hash.asString(),
                eventId.asString(), aggregateId.isString() ? aggregateId.asString() : null,
                payload.path("sequence").asLong()));
    }
}
