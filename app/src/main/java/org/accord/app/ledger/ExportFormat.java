package org.accord.app.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export's JSON: a header (format, trust, key, head, checkpoints) then the trust's events as stored, payload and
 * metadata as JSON; an event whose content is withheld from the reader has {@code "payload": null} and
 * {@code "withheld"} saying why (its link, in the metadata, is kept). docs/verifiable-log.md describes it for anyone who wants to verify it with their own tools.
 */
final class ExportFormat {

    static final String FORMAT = "accord-decision-log-export/1";

    /** Plain JSON: the export is written and read with this (the offline reader only relaxes trailing tokens). */
    static final JsonMapper JSON = JsonMapper.builder().build();

    private ExportFormat() {
    }

    static ObjectNode entry(StoredEvent event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("order", event.order());
        node.put("eventId", event.eventId());
        node.put("aggregateType", event.aggregateType());
        node.put("aggregateId", event.aggregateId());
        node.put("sequence", event.sequence());
        node.put("payloadType", event.payloadType());
        node.put("timestamp", event.timestamp());
        ObjectNode metaData = node.putObject("metaData");
        event.metaData().forEach(metaData::put);
        if (event.isWithheld()) {
            // the link stays (chainHash in the metadata); the content is not this reader's to see
            node.putNull("payload");
            node.put("withheld", event.withheld());
        } else {
            node.set("payload", event.payloadTree());
        }
        return node;
    }

    static StoredEvent event(JsonNode node) {
        Map<String, String> metaData = new HashMap<>();
        for (Map.Entry<String, JsonNode> field : node.path("metaData").properties()) {
            metaData.put(field.getKey(), field.getValue().asString());
        }
        return new StoredEvent(node.path("order").asLong(), text(node, "eventId"), text(node, "aggregateType"),
                text(node, "aggregateId"), node.path("sequence").asLong(), text(node, "payloadType"),
                null, metaData, text(node, "timestamp"),
                // a missing payload reads as null: its link then fails to match, as it should
                node.has("payload") ? node.get("payload") : JSON.getNodeFactory().nullNode(),
                text(node, "withheld"));
    }

    static ObjectNode head(ChainHead head) {
        ObjectNode node = JSON.createObjectNode();
        node.put("position", head.position());
        node.put("hash", head.hash());
        return node;
    }

    static ChainHead head(String trustId, JsonNode node) {
        return new ChainHead(trustId, node.path("position").asLong(), text(node, "hash"));
    }

    static ObjectNode checkpoint(Checkpoint checkpoint) {
        ObjectNode node = JSON.createObjectNode();
        node.put("trustId", checkpoint.trustId());
        node.put("position", checkpoint.position());
        node.put("hash", checkpoint.hash());
        node.put("signedAt", checkpoint.signedAt().toString());
        node.put("keyId", checkpoint.keyId());
        node.put("signature", checkpoint.signature());
        if (checkpoint.isTreeCheckpoint()) {
            node.put("rootHash", checkpoint.rootHash());
            node.put("note", checkpoint.note());
        }
        return node;
    }

    static Checkpoint checkpoint(JsonNode node) {
        return new Checkpoint(text(node, "trustId"), node.path("position").asLong(), text(node, "hash"),
                Instant.parse(text(node, "signedAt")), text(node, "keyId"), text(node, "signature"),
                text(node, "rootHash"), text(node, "note"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
