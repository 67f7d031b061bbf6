package org.accord.app.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.accord.api.shared.Actor;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import tools.jackson.databind.JsonNode;

/**
 * Links every event of a trust to the one stored before it, as it is stored: the event's metadata gets its trust,
 * its position in the trust's chain and its link hash (see {@link ChainHasher}), and the trust's head moves in the
 * same transaction. Appends run one at a time (the embedded store's single writer), so a chain can never fork: two
 * commands of one trust can never build on the same head. Everything else is the wrapped engine's.
 */
public class ChainingEventStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final Serializer eventSerializer;
    private final LedgerStore ledger;
    private final TransactionManager writer;

    /**
     * @param writer the transaction manager that command handling runs in; an append joins that transaction (and its
     *               writer lock), or starts one of its own if something stores events outside a command
     */
    public ChainingEventStorageEngine(EventStorageEngine delegate, Serializer eventSerializer, LedgerStore ledger,
                                      TransactionManager writer) {
        this.delegate = delegate;
        this.eventSerializer = eventSerializer;
        this.ledger = ledger;
        this.writer = writer;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        writer.executeInTransaction(() -> delegate.appendEvents(link(events)));
    }

    private List<EventMessage<?>> link(List<? extends EventMessage<?>> events) {
        Map<String, ChainHead> heads = new HashMap<>();
        List<EventMessage<?>> linked = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            // serialised as the wrapped engine will store it, so the hash is of what is stored
            SerializedObject<byte[]> serialized = event.serializePayload(eventSerializer, byte[].class);
            JsonNode payload = ChainHasher.payload(serialized.getData());
            JsonNode trust = payload.path("trustId");
            if (!trust.isString()) {
                linked.add(event); // not an event of a trust: nothing to chain it to
                continue;
            }
            String trustId = trust.asString();
            ChainHead head = heads.computeIfAbsent(trustId,
                    t -> ledger.head(t).orElseGet(() -> ChainHead.genesis(t)));
            ChainLink link = linkOf(event, serialized.getType().getName(), payload, trustId, head);
            String hash = ChainHasher.hash(link);
            heads.put(trustId, new ChainHead(trustId, link.position(), hash));
            linked.add(event.andMetaData(Map.of(ChainMetadata.TRUST, trustId,
                    ChainMetadata.POSITION, Long.toString(link.position()),
                    ChainMetadata.HASH, hash)));
        }
        heads.values().forEach(ledger::moveHead);
        return linked;
    }

    /** What the event's link covers, built on {@code head}; the projections' link check uses it too. */
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
                aggregateId, sequence, payloadType, payload,
                actor == null ? Actor.SYSTEM : actor.toString(), event.getTimestamp());
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
