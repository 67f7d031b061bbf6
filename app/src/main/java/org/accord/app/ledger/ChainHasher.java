package org.accord.app.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * How a link hash is computed, the same way when an event is stored, when the store is verified and when an export
 * is verified offline: SHA-256 over the UTF-8 bytes of a canonical JSON object (keys sorted, no white space) with the
 * fields of {@link ChainLink}. The payload is canonicalised too, so the hash depends on what the event says, not on
 * how a serializer happened to lay it out. Timestamps count to the millisecond, which every event store keeps.
 */
public final class ChainHasher {

    /** What the first event of every trust builds on. */
    public static final String GENESIS = "0".repeat(64);

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    private ChainHasher() {
    }

    public static String hash(ChainLink link) {
        return sha256(canonicalForm(link));
    }

    /** The exact bytes a link hash is taken of; docs/verifiable-log.md describes them for independent verifiers. */
    public static byte[] canonicalForm(ChainLink link) {
        ObjectNode node = CANONICAL.createObjectNode();
        node.put("trustId", link.trustId());
        node.put("position", link.position());
        node.put("previousHash", link.previousHash());
        node.put("eventId", link.eventId());
        node.put("aggregateType", link.aggregateType());
        node.put("aggregateId", link.aggregateId());
        node.put("sequence", link.sequence());
        node.put("payloadType", link.payloadType());
        node.set("payload", link.payload());
        node.put("actor", link.actor());
        node.put("timestamp", timestamp(link.timestamp()));
        return CANONICAL.writeValueAsBytes(node);
    }

    /** Reads a payload as JSON, for hashing; a payload that is not JSON is hashed as the text it is. */
    public static JsonNode payload(byte[] json) {
        try {
            return CANONICAL.readTree(json);
        } catch (RuntimeException notJson) {
            return CANONICAL.getNodeFactory().textNode(new String(json, StandardCharsets.UTF_8));
        }
    }

    /** Reads stored metadata (a JSON object) with every value as text; anything else reads as no metadata. */
    public static Map<String, String> metaData(byte[] json) {
        Map<String, String> values = new HashMap<>();
        if (json == null) {
            return values;
        }
        JsonNode node = payload(json);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                values.put(field.getKey(), field.getValue().isString() ? field.getValue().asString()
                        : field.getValue().toString());
            }
        }
        return values;
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
