package org.accord.app.ledger;

import java.util.Map;

import org.accord.api.shared.Actor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import tools.jackson.databind.JsonNode;

/**
 * How an event joins its trust's chain, in one place for every event store: its payload serialised as the store will
 * keep it (so the hash is of what is stored), its trust read from that payload, its link computed onto the trust's
 * head and written into its metadata ({@link ChainMetadata}). The embedded store links in its append
 * ({@link ChainingEventStorageEngine}); production links as it commits to Axon Server.
 */
public final class ChainLinker {

    private ChainLinker() {
    }

    /**
     * An event about to be stored, serialised once: the same bytes are hashed and stored.
     *
     * @param trustId the trust whose chain it joins; null for an event that names no trust
     */
    public record Candidate(EventMessage<?> event, SerializedObject<byte[]> payload, JsonNode payloadTree,
                            String trustId) {

        public static Candidate of(EventMessage<?> event, Serializer eventSerializer) {
            SerializedObject<byte[]> serialized = event.serializePayload(eventSerializer, byte[].class);
            JsonNode tree = ChainHasher.payload(serialized.getData());
            return new Candidate(event, serialized, tree, StoredEvent.trustOf(tree));
        }

        /** The event linked onto {@code head}: its metadata carries its trust, position and link hash. */
        public Linked linkOnto(ChainHead head) {
            if (trustId == null || !trustId.equals(head.trustId())) {
                throw new IllegalArgumentException("event " + event.getIdentifier() + " of trust '" + trustId
                        + "' cannot be linked onto the chain of trust '" + head.trustId() + "'");
            }
            ChainLink link = linkOf(event, payload.getType().getName(), payloadTree, trustId, head);
            String hash = ChainHasher.hash(link);
            EventMessage<?> linked = event.andMetaData(Map.of(ChainMetadata.TRUST, trustId,
                    ChainMetadata.POSITION, Long.toString(link.position()), ChainMetadata.HASH, hash));
            return new Linked(linked, new ChainHead(trustId, link.position(), hash));
        }
    }

    /**
     * What the event's link covers, built on {@code head}: as it is stored, and as the projections' link check
     * ({@link ChainLinkCheck}) computes it again for each event they handle.
     */
    static ChainLink linkOf(EventMessage<?> event, String payloadType, JsonNode payload, String trustId,
                            ChainHead head) {
        Object actor = event.getMetaData().get(Actor.METADATA_KEY);
        String aggregateType = null;
        String aggregateId = event.getIdentifier();
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateType = domain.getType();
            aggregateId = domain.getAggregateIdentifier();
            sequence = domain.getSequenceNumber();
        }
        return new ChainLink(trustId, head.position() + 1, head.hash(), event.getIdentifier(), aggregateType,
                aggregateId, sequence, payloadType, payload, actor == null ? Actor.SYSTEM : actor.toString(),
                event.getTimestamp());
    }

    /** An event with its link in its metadata, and the trust's head once it is stored. */
    public record Linked(EventMessage<?> event, ChainHead head) {
    }
}
