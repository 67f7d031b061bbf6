package org.accord.app.production;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import com.google.protobuf.ByteString;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.ChainLinker;
import org.accord.app.ledger.LedgerStore;
import org.axonframework.axonserver.connector.util.GrpcMetaDataConverter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores events in Axon Server with each trust's events linked into its chain, as the embedded store's
 * {@link org.accord.app.ledger.ChainingEventStorageEngine} does, and with no fork however many replicas append:
 * <ul>
 * <li>a unit of work's events are linked and sent when it commits, in one Axon Server append transaction, each event
 * of a trust preceded by its {@link ChainMarker} at sequence number {@code position - 1} of the trust's chain
 * stream;</li>
 * <li>Axon Server takes a transaction whole or not at all, and refuses one in which any aggregate's first sequence
 * number is not the one after its last: two replicas that linked onto the same head cannot both commit;</li>
 * <li>the one refused reads the head that won, links its events again onto it and sends them again. Only the links
 * change: the command was decided on aggregates that did not conflict (Axon Server checked them in the same
 * transaction), and its events follow the winner's in the store's order, as their positions now say. A conflict on
 * an aggregate of the domain is not retried here: it is the command's conflict (CONFLICT to the client).</li>
 * </ul>
 * Within one replica a trust's appends take turns (a lock per trust, held from linking to Axon Server's answer), so
 * retries are only ever needed between replicas.
 */
public class ChainedAppender {

    private static final Logger log = LoggerFactory.getLogger(ChainedAppender.class);

    private static final String PENDING = ChainedAppender.class.getName() + ".pending";
    private static final int STRIPES = 64;

    private final AxonServerEvents axonServer;
    private final ChainStreams streams;
    private final Serializer eventSerializer;
    private final GrpcMetaDataConverter metaData;
    private final LedgerStore ledger;
    private final int attempts;
    private final ReentrantLock[] turns = new ReentrantLock[STRIPES];
    private final Runnable onRelink;
    private final IntConsumer onLinked;

    /**
     * @param ledger   told which trusts have a chain, after each commit (what the checkpoint signer goes through)
     * @param attempts how often a batch is linked and sent before a chain that keeps moving is given up as a conflict
     * @param onRelink counts each time another replica's append made this one link again
     * @param onLinked counts the events of trusts this replica stored, linked
     */
    public ChainedAppender(AxonServerEvents axonServer, ChainStreams streams, Serializer eventSerializer,
                           LedgerStore ledger, int attempts, Runnable onRelink, IntConsumer onLinked) {
        this.axonServer = axonServer;
        this.streams = streams;
        this.eventSerializer = eventSerializer;
        this.metaData = new GrpcMetaDataConverter(eventSerializer);
        this.ledger = ledger;
        this.attempts = attempts;
        this.onRelink = onRelink;
        this.onLinked = onLinked;
        for (int i = 0; i < STRIPES; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    /**
     * Stores the events: at once outside a unit of work; inside one, with every other event of the unit of work
     * when it commits (as Axon's own Axon Server engine commits its append transaction), so a rollback sends nothing.
     */
    public void append(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        List<ChainLinker.Candidate> batch = events.stream()
                .map(e -> ChainLinker.Candidate.of(e, eventSerializer)).toList();
        if (!CurrentUnitOfWork.isStarted()) {
            recordTrusts(store(batch));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<ChainLinker.Candidate> pending = root.getOrComputeResource(PENDING, key -> {
            List<ChainLinker.Candidate> all = new ArrayList<>();
            Map<String, ChainHead> stored = new HashMap<>();
            root.onCommit(u -> stored.putAll(store(all)));
            // after the commit: a failure to note the trust must not turn a stored mutation into an error
            root.afterCommit(u -> recordTrusts(stored));
            return all;
        });
        pending.addAll(batch);
    }

    /** Links and sends the batch; answers the heads it moved. */
    Map<String, ChainHead> store(List<ChainLinker.Candidate> batch) {
        TreeSet<String> trusts = new TreeSet<>();
        batch.forEach(c -> {
            if (c.trustId() != null) {
                trusts.add(c.trustId());
            }
        });
        List<ReentrantLock> held = takeTurns(trusts);
        try {
            for (int attempt = 1; ; attempt++) {
                Map<String, ChainHead> from = new HashMap<>();
                for (String trust : trusts) {
                    from.put(trust, usable(streams.keptOrRead(trust)));
                }
                Map<String, ChainHead> to = new HashMap<>(from);
                List<Event> events = link(batch, to);
                try {
                    axonServer.append(events);
                } catch (RuntimeException refused) {
                    trusts.forEach(streams::forget);
                    if (!(refused instanceof ConcurrencyException) || !chainMoved(from)) {
                        throw refused;
                    }
                    onRelink.run();
                    if (attempt >= attempts) {
                        throw new ConcurrencyException("the decision log of trust " + trusts + " kept moving on"
                                + " other replicas; " + attempts + " attempts to append to it were refused", refused);
                    }
                    log.debug("Chain of {} moved on another replica; linking again (attempt {})", trusts, attempt + 1);
                    // a short random pause, so that two replicas that keep meeting do not keep meeting
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000, 2_000_000L * attempt));
                    continue;
                }
                to.values().forEach(streams::remember);
                onLinked.accept((int) batch.stream().filter(c -> c.trustId() != null).count());
                return to;
            }
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    /** The events as Axon Server stores them, each of a trust after the marker that takes its position. */
    private List<Event> link(List<ChainLinker.Candidate> batch, Map<String, ChainHead> heads) {
        List<Event> events = new ArrayList<>(batch.size() * 2);
        for (ChainLinker.Candidate candidate : batch) {
            if (candidate.trustId() == null) {
                events.add(event(candidate.event(), candidate));
                continue;
            }
            ChainLinker.Linked linked = candidate.linkOnto(heads.get(candidate.trustId()));
            heads.put(candidate.trustId(), linked.head());
            events.add(marker(linked));
            events.add(event(linked.event(), candidate));
        }
        return events;
    }

    /** Whether Axon Server's chain stream of any of these trusts no longer ends where the batch was linked onto. */
    private boolean chainMoved(Map<String, ChainHead> linkedOnto) {
        for (ChainHead head : linkedOnto.values()) {
            Optional<Long> last = axonServer.highestSequence(ChainMarker.streamOf(head.trustId()));
            long expected = head.position() - 1;
            if (last.map(l -> l != expected).orElse(expected != -1)) {
                return true;
            }
        }
        return false;
    }

    /** A head that nothing can be linked onto is refused rather than built on. */
    private static ChainHead usable(ChainHead head) {
        if (head.hash().length() != 64) {
            throw new IllegalStateException("the chain stream of trust '" + head.trustId() + "' in Axon Server does"
                    + " not end in Accord's marker for position " + head.position() + ": something outside Accord"
                    + " wrote to it, and nothing more is linked onto it (docs/verifiable-log.md, \"Production\")");
        }
        return head;
    }

    private Event marker(ChainLinker.Linked linked) {
        EventMessage<?> event = linked.event();
        ChainHead head = linked.head();
        String aggregateId = event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
        long sequence = event instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : 0;
        ChainMarker marker = new ChainMarker(head.trustId(), head.position(), head.hash(), event.getIdentifier(),
                aggregateId, sequence);
        org.axonframework.serialization.SerializedObject<byte[]> payload =
                eventSerializer.serialize(marker, byte[].class);
        return Event.newBuilder()
                .setMessageIdentifier(UUID.randomUUID().toString())
                .setAggregateIdentifier(ChainMarker.streamOf(head.trustId()))
                .setAggregateSequenceNumber(head.position() - 1)
                .setAggregateType(ChainMarker.AGGREGATE_TYPE)
                .setTimestamp(event.getTimestamp().toEpochMilli())
                .setPayload(serialized(payload))
                .build();
    }

    /** As Axon's Axon Server engine maps an event, with the payload bytes that were hashed. */
    private Event event(EventMessage<?> event, ChainLinker.Candidate serialized) {
        Event.Builder builder = Event.newBuilder()
                .setMessageIdentifier(event.getIdentifier())
                .setTimestamp(event.getTimestamp().toEpochMilli())
                .setPayload(serialized(serialized.payload()));
        if (event instanceof DomainEventMessage<?> domain && domain.getType() != null) {
            builder.setAggregateIdentifier(domain.getAggregateIdentifier())
                    .setAggregateSequenceNumber(domain.getSequenceNumber())
                    .setAggregateType(domain.getType());
        }
        event.getMetaData().forEach((key, value) -> builder.putMetaData(key, metaData.convertToMetaDataValue(value)));
        return builder.build();
    }

    private static SerializedObject serialized(org.axonframework.serialization.SerializedObject<byte[]> payload) {
        String revision = payload.getType().getRevision();
        return SerializedObject.newBuilder()
                .setType(payload.getType().getName())
                .setRevision(revision == null ? "" : revision)
                .setData(ByteString.copyFrom(payload.getData()))
                .build();
    }

    private List<ReentrantLock> takeTurns(TreeSet<String> trusts) {
        // stripes in ascending order, each once: two batches of several trusts never wait for each other in a circle
        TreeSet<Integer> stripes = new TreeSet<>();
        trusts.forEach(t -> stripes.add(Math.floorMod(t.hashCode(), STRIPES)));
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        for (int stripe : stripes) {
            turns[stripe].lock();
            held.add(turns[stripe]);
        }
        return held;
    }

    private void recordTrusts(Map<String, ChainHead> heads) {
        for (ChainHead head : heads.values()) {
            try {
                ledger.moveHead(head);
            } catch (RuntimeException e) {
                log.warn("The chain of trust '{}' moved to position {} but could not be noted in MongoDB ({}); it is"
                        + " noted with its next event", head.trustId(), head.position(), e.getMessage());
            }
        }
    }
}
