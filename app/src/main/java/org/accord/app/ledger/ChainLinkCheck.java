package org.accord.app.ledger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

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
 * <p>Nothing is remembered between events: each check asks the store (one indexed lookup of two positions), so an
 * event altered while Accord runs is judged as it is now when a rebuild replays it.
 */
public class ChainLinkCheck {

    private final LedgerSource source;
    private final Serializer eventSerializer;
    private final Clock clock;

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
        List<Claim> claims = source.claimsAt(trust, position == 1 ? List.of(1L) : List.of(position - 1, position));
        Claim holder = first(claims, position);
        if (holder != null && !holder.eventId().equals(event.getIdentifier())) {
            return refuse(event, trust, position, Kind.INSERTED, "position " + position + " is already held by"
                    + " event " + holder.eventId() + ", stored before it: this one is a copy or a forgery");
        }
        String previous = ChainHasher.GENESIS;
        if (position > 1) {
            Claim before = first(claims, position - 1);
            if (before == null) {
                return refuse(event, trust, position, Kind.MISSING, "no event holds position " + (position - 1)
                        + ", so its link cannot be checked");
            }
            previous = before.hash();
        }
        ChainLink link = ChainingEventStorageEngine.linkOf(event, serialized.getType().getName(), payload, trust,
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

    /** The claims come in stored order: the first one of a position holds it. */
    private static Claim first(List<Claim> claims, long position) {
        for (Claim claim : claims) {
            if (claim.position() == position) {
                return claim;
            }
        }
        return null;
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
