package org.accord.app.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.accord.api.shared.Actor;
import tools.jackson.databind.JsonNode;

/**
 * An event as the store (or an export) holds it, before anything is deserialised: what verification reads.
 *
 * @param order     where the store puts it (the global index), which is the order the chain must follow
 * @param metaData  its metadata, every value as text
 * @param timestamp its timestamp as stored
 * @param parsed    its payload already read as JSON (an export's), so that it is not read twice; null when only the
 *                  stored bytes are at hand
 * @param withheld  why its payload is withheld from the reader of an export or proof (see {@link Withholding}); null
 *                  when the event is whole. A withheld event keeps its link: its stated hash is what the chain and the
 *                  tree build on, since its hash cannot be recomputed without the payload
 */
public record StoredEvent(long order, String eventId, String aggregateType, String aggregateId, long sequence,
                          String payloadType, byte[] payload, Map<String, String> metaData, String timestamp,
                          JsonNode parsed, String withheld) {

    /** The payload types whose content an export may withhold: a peer review's, read only by the two schools. */
    static final String WITHHOLDABLE_TYPES = "org.accord.api.peerreview.";

    public StoredEvent(long order, String eventId, String aggregateType, String aggregateId, long sequence,
                       String payloadType, byte[] payload, Map<String, String> metaData, String timestamp,
                       JsonNode parsed) {
        this(order, eventId, aggregateType, aggregateId, sequence, payloadType, payload, metaData, timestamp, parsed,
                null);
    }

    /** An event as a store holds it: payload bytes, read as JSON when needed. */
    public StoredEvent(long order, String eventId, String aggregateType, String aggregateId, long sequence,
                       String payloadType, byte[] payload, Map<String, String> metaData, String timestamp) {
        this(order, eventId, aggregateType, aggregateId, sequence, payloadType, payload, metaData, timestamp, null);
    }

    /** The same event with its payload withheld from the reader, for this reason. */
    StoredEvent withheldFor(String reason) {
        return new StoredEvent(order, eventId, aggregateType, aggregateId, sequence, payloadType, null, metaData,
                timestamp, tools.jackson.databind.node.JsonNodeFactory.instance.nullNode(), reason);
    }

    boolean isWithheld() {
        return withheld != null;
    }

    /** Whether it is of a kind whose content Accord withholds from some readers (a forged withholding is not). */
    boolean mayBeWithheld() {
        return payloadType != null && payloadType.startsWith(WITHHOLDABLE_TYPES);
    }

    public String chainTrust() {
        return metaData.get(ChainMetadata.TRUST);
    }

    /** The position the event claims in its trust's chain; -1 if it claims none (or nonsense). */
    public long chainPosition() {
        String value = metaData.get(ChainMetadata.POSITION);
        try {
            return value == null ? -1 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public String chainHash() {
        return metaData.get(ChainMetadata.HASH);
    }

    /** Whether this event is, or says it is, one of the trust's: by its chain metadata or by its payload. */
    boolean concerns(String trustId) {
        if (trustId.equals(chainTrust())) {
            return true;
        }
        if (parsed != null || payload == null) {
            return parsed != null && trustId.equals(payloadTrust());
        }
        // cheap test first: most events of a large store belong to other trusts
        return new String(payload, StandardCharsets.UTF_8).contains(trustId) && trustId.equals(payloadTrust());
    }

    String payloadTrust() {
        return trustOf(payloadTree());
    }

    JsonNode payloadTree() {
        return parsed != null ? parsed : ChainHasher.payload(payload);
    }

    static String trustOf(JsonNode payload) {
        JsonNode trust = payload.path("trustId");
        return trust.isString() ? trust.asString() : null;
    }

    String linkHash(String trustId, long position, String previous) {
        return linkHash(trustId, position, previous, payloadTree());
    }

    /** The link hash this event should carry on {@code previous}, at {@code position}; null if it cannot have one. */
    String linkHash(String trustId, long position, String previous, JsonNode payloadTree) {
        Instant at;
        try {
            at = Instant.parse(timestamp);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
        String actor = metaData.getOrDefault(Actor.METADATA_KEY, Actor.SYSTEM);
        return ChainHasher.hash(new ChainLink(trustId, position, previous, eventId, aggregateType, aggregateId,
                sequence, payloadType, payloadTree, actor, at));
    }
}
