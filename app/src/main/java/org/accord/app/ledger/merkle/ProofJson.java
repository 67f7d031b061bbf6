package org.accord.app.ledger.merkle;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Proofs as JSON, the shapes docs/transparency-log.md gives for verifiers in other languages. Hashes are lower-case
 * hex, as every hash elsewhere in Accord's exports; only the checkpoint note has base64, because tlog-checkpoint
 * says so.
 */
public final class ProofJson {

    /** The format of a document of proofs (see {@link #document}). */
    public static final String FORMAT = "accord-transparency-log-proofs/1";

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HexFormat HEX = HexFormat.of();

    private ProofJson() {
    }

    /** A document for one log at one checkpoint; add proofs to its arrays, and optionally the leaves. */
    public static ObjectNode document(String origin, long treeSize, byte[] rootHash, String checkpointNote) {
        ObjectNode document = JSON.createObjectNode();
        document.put("format", FORMAT);
        document.put("origin", origin);
        document.put("treeSize", treeSize);
        document.put("rootHash", HEX.formatHex(rootHash));
        if (checkpointNote != null) {
            document.put("checkpoint", checkpointNote);
        }
        document.putArray("inclusionProofs");
        document.putArray("consistencyProofs");
        return document;
    }

    /** {@code {leafIndex, treeSize, linkHash, rootHash, path}}: the event with this link hash is at leafIndex. */
    public static ObjectNode inclusion(InclusionProof proof, String linkHash, byte[] rootHash) {
        ObjectNode node = JSON.createObjectNode();
        node.put("leafIndex", proof.leafIndex());
        node.put("treeSize", proof.treeSize());
        node.put("linkHash", linkHash);
        node.put("rootHash", HEX.formatHex(rootHash));
        path(node, proof.path());
        return node;
    }

    /** {@code {firstSize, secondSize, firstRootHash, secondRootHash, path}}. */
    public static ObjectNode consistency(ConsistencyProof proof, byte[] firstRootHash, byte[] secondRootHash) {
        ObjectNode node = JSON.createObjectNode();
        node.put("firstSize", proof.firstSize());
        node.put("secondSize", proof.secondSize());
        node.put("firstRootHash", HEX.formatHex(firstRootHash));
        node.put("secondRootHash", HEX.formatHex(secondRootHash));
        path(node, proof.path());
        return node;
    }

    public static InclusionProof inclusionProof(JsonNode node) {
        return new InclusionProof(number(node, "leafIndex"), number(node, "treeSize"), path(node));
    }

    public static ConsistencyProof consistencyProof(JsonNode node) {
        return new ConsistencyProof(number(node, "firstSize"), number(node, "secondSize"), path(node));
    }

    public static byte[] hash(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString() || value.asString().length() != 2 * TreeHashes.SIZE) {
            throw new IllegalArgumentException(field + " is not 64 hex digits");
        }
        return HEX.parseHex(value.asString());
    }

    private static void path(ObjectNode node, List<byte[]> path) {
        ArrayNode array = node.putArray("path");
        path.forEach(hash -> array.add(HEX.formatHex(hash)));
    }

    private static List<byte[]> path(JsonNode node) {
        JsonNode array = node.get("path");
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("a proof has a path array");
        }
        List<byte[]> path = new ArrayList<>();
        for (JsonNode hash : array) {
            if (!hash.isString() || hash.asString().length() != 2 * TreeHashes.SIZE) {
                throw new IllegalArgumentException("a path hash is 64 hex digits: " + hash);
            }
            path.add(HEX.parseHex(hash.asString()));
        }
        return path;
    }

    private static long number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(field + " is a whole number");
        }
        return value.asLong();
    }
}
