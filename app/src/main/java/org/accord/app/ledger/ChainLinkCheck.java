package org.accord.app.ledger;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.LongStream;

import org.accord.app.ledger.LedgerSource.Claim;
import org.accord.app.ledger.QuarantinedEvents.QuarantinedEvent;
import org.accord.app.ledger.Verification.Kind;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import tools.jackson.databind.JsonNode;

/**
 * Whether an event, as a projection is about to handle it, is the chain's own: its link is re-derived exactly as
 * {@link ChainingEventStorageEngine} made it when the event was stored (the payload as stored, the actor, the
 * timestamp to the millisecond, its position), on the hash stored with the event that holds the previous position.
 *
 * <p>Only the event itself is judged, from its metadata and the ledger's lookups by position, so one altered event
 * costs one event and not the rest of the chain (the next event builds on the hash stored with it, which still
 * matches); a chain re-linked from end to end passes here and is caught by the signed checkpoints instead
 * ({@link DecisionLogIntegrity}). An event is refused when it names a trust but carries no link, when another event
 * stored before it already holds its position (a copy), when the position before it has no event (so its link cannot
 * be checked), when its trust and its chain disagree, or when its link does not match. "Holds" means stored first:
 * the verdict depends on the store alone, never on which projection asked first or what it saw before, so a rebuild
 * reaches the same verdicts as live projection did.
 *
 * <p>One per event processor, since it remembers where that processor reads: for each trust, which event holds each
 * of the positions from the one before the last event checked to {@value #AHEAD} past it, and with which stored hash,
 * read from the store in one indexed lookup. A replay thus asks the store once per {@value #AHEAD} positions of a
 * trust instead of once per event (which cost more than the rest of the check: about 50 µs of about 60 µs per event,
 * at 100,000 events); a new event, whose own position is not yet among them, is looked up afresh, with the positions
 * around it. The event itself (its payload, metadata and time) is always judged as the store holds it now.
 */
public class ChainLinkCheck {

    /** How many positions past the event checked are read in the same lookup, while the chain goes on past them. */
    static final int AHEAD = 256;

    /**
     * As {@link #AHEAD}, once a lookup found the chain ending inside what it read: a live projection, one new event at
     * a time. Each position asked is a probe of the index, so asking {@value #AHEAD} for each new event cost a live
     * vote's projection an eighth of its CPU (docs/benchmarks.md, run 26).
     */
    static final int AHEAD_AT_THE_END = 8;

    private final LedgerSource source;
    private final Serializer eventSerializer;
    private final Clock clock;
    private final Map<String, Holders> holders = new ConcurrentHashMap<>();

    /** The first claimant of each position from {@code from} to {@code to} of a trust, as read at one moment. */
    private record Holders(long from, long to, Map<Long, Claim> byPosition) {

        boolean covers(long position) {
            return position >= from && position <= to;
        }

        /** Whether the chain went on to the last position read: if not, its end was inside it. */
        boolean reachedTheEnd() {
            return !byPosition.containsKey(to);
        }
    }

    /**
     * @param eventSerializer the event store's own serializer: with it, an event read from the store gives back its
     *                        payload exactly as stored; with another, it would be serialised anew from the objects,
     *                        and a field added to a stored payload would vanish before it could be noticed
     */
    public ChainLinkCheck(LedgerSource source, Serializer eventSerializer, Clock clock) {
        this.source = source;
        this.eventSerializer = eventSerializer;
        this.clock = clock;
    }

    /** Empty when the event may be projected; otherwise why not. */
    public Optional<QuarantinedEvent> check(EventMessage<?> event) {
        String trust = text(event.getMetaData().get(ChainMetadata.TRUST));
        SerializedObject<byte[]> serialized = event.serializePayload(eventSerializer, byte[].class);
        JsonNode payload = ChainHasher.payload(serialized.getData());
        String named = StoredEvent.trustOf(payload);
        if (trust == null && named == null) {
            return Optional.empty(); // not an event of a trust: nothing links it
        }
        long position = position(event.getMetaData().get(ChainMetadata.POSITION));
        String hash = text(event.getMetaData().get(ChainMetadata.HASH));
        if (trust == null || position < 1 || hash == null) {
            return refuse(event, trust != null ? trust : named, Math.max(position, 0), Kind.INSERTED,
                    "it names a trust but carries no link to its chain, so Accord did not store it");
        }
        if (!trust.equals(named)) {
            return refuse(event, trust, position, Kind.ALTERED, "it was stored on the chain of trust '" + trust
                    + "' but names trust '" + named + "'");
        }
        Claim holder = holder(trust, position);
        if (holder != null && !holder.eventId().equals(event.getIdentifier())) {
            return refuse(event, trust, position, Kind.INSERTED, "position " + position + " is already held by"
                    + " event " + holder.eventId() + ", stored before it: this one is a copy or a forgery");
        }
        String previous = ChainHasher.GENESIS;
        if (position > 1) {
            Claim before = holder(trust, position - 1);
            if (before == null) {
                return refuse(event, trust, position, Kind.MISSING, "no event holds position " + (position - 1)
                        + ", so its link cannot be checked");
            }
            previous = before.hash();
        }
        ChainLink link = ChainLinker.linkOf(event, serialized.getType().getName(), payload, trust,
                new ChainHead(trust, position - 1, previous));
        if (!ChainHasher.hash(link).equals(hash)) {
            return refuse(event, trust, position, Kind.ALTERED, "it no longer matches the hash it was stored with:"
                    + " its content, actor, time or place was changed after Accord stored it");
        }
        return Optional.empty();
    }

    private Optional<QuarantinedEvent> refuse(EventMessage<?> event, String trust, long position, Kind kind,
                                              String why) {
        return Optional.of(new QuarantinedEvent(event.getIdentifier(), trust, position, kind, why, clock.instant()));
    }

    /**
     * The event that holds the position (the first stored that claims it): from what was read before if that covers
     * the position and found a holder of it; else from the store, with the position before it and {@value #AHEAD}
     * after it ({@value #AHEAD_AT_THE_END} when the last lookup of the trust found its chain's end). A position read
     * before it held an event (one stored since, on a live projection) is read again.
     */
    private Claim holder(String trust, long position) {
        Holders known = holders.get(trust);
        if (known != null && known.covers(position) && known.byPosition().containsKey(position)) {
            return known.byPosition().get(position);
        }
        long from = Math.max(1, position - 1);
        long to = position + (known != null && known.reachedTheEnd() ? AHEAD_AT_THE_END : AHEAD);
        List<Long> positions = LongStream.rangeClosed(from, to).boxed().toList();
        Map<Long, Claim> byPosition = new HashMap<>();
        for (Claim claim : source.claimsAt(trust, positions)) {
            byPosition.putIfAbsent(claim.position(), claim); // in stored order: the first holds it
        }
        holders.put(trust, new Holders(from, to, byPosition));
        return byPosition.get(position);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long position(Object value) {
        try {
            return value == null ? -1 : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
