package org.accord.app.ledger;

import static org.accord.app.ledger.LedgerDownloads.decision;
import static org.accord.app.ledger.LedgerDownloads.offline;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.accord.app.ledger.merkle.ConsistencyProof;
import org.accord.app.ledger.merkle.LedgerLeaf;
import org.accord.app.ledger.merkle.MerkleTree;
import org.accord.app.ledger.merkle.NoteSigner;
import org.accord.app.ledger.merkle.ProofJson;
import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An export doctored by someone who hands it to a board, and the offline verifier that must not be fooled: each of
 * these passed {@code verify-export} with exit 0 before the transparency log (issue 17, finding 3). Then the proofs a
 * board keeps: a single decision with its inclusion proof, and an earlier checkpoint that a later export must extend.
 */
class InsiderExportTest extends AccordHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path files;

    @Test
    void aWholeExportIsProvenByAnAccordCheckpointThatCoversItAll() throws Exception {
        String out = offline(0, downloads().export("board").toString(), key().toString());
        assertThat(out).startsWith("INTACT: ").contains("Merkle root").contains("covering the whole export");
        assertThat(out).doesNotContain("WARNING");
    }

    @Test
    void anExportWithItsCheckpointsRemovedProvesNothingAndSaysSo() throws Exception {
        ObjectNode export = read(downloads().export("board"));
        ((ArrayNode) export.path("checkpoints")).removeAll();
        String out = offline(1, write(export).toString(), key().toString());
        assertThat(out).startsWith("NOT PROVEN").contains("no checkpoint signed by the given key covers the whole"
                + " export: it has none");
    }

    @Test
    void anExportCutBackWithItsHeadMovedAndItsLastCheckpointsRemovedIsRefused() throws Exception {
        ObjectNode export = read(downloads().export("board"));
        ArrayNode events = (ArrayNode) export.path("events");
        for (int i = 0; i < 5; i++) {
            events.remove(events.size() - 1);
        }
        long end = position(events.get(events.size() - 1));
        ((ObjectNode) export.path("head")).put("position", end).put("hash", hash(events.get(events.size() - 1)));
        ArrayNode checkpoints = (ArrayNode) export.path("checkpoints");
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            if (checkpoints.get(i).path("position").asLong() > end) {
                checkpoints.remove(i);
            }
        }
        String out = offline(1, write(export).toString(), key().toString());
        assertThat(out).startsWith("NOT PROVEN: the " + end + " events")
                .contains("no checkpoint signed by the given key covers the whole export");
    }

    @Test
    void anExportEditedAndRelinkedWithEveryCheckpointRemovedIsRefused() throws Exception {
        ObjectNode export = read(downloads().export("board"));
        ArrayNode events = (ArrayNode) export.path("events");
        ((ObjectNode) events.get(20).path("payload")).put("name", "Forged");
        relink(export, 20);
        ((ArrayNode) export.path("checkpoints")).removeAll();
        assertThat(offline(1, write(export).toString(), key().toString())).startsWith("NOT PROVEN");
    }

    @Test
    void anExportRelinkedAndSignedWithAnotherKeyIsRefusedAndTheReplacedKeyIsNamed() throws Exception {
        ObjectNode export = read(downloads().export("board"));
        ArrayNode events = (ArrayNode) export.path("events");
        ((ObjectNode) events.get(20).path("payload")).put("name", "Forged");
        relink(export, 20);
        LedgerKeys forger = LedgerKeys.inFolder(files.resolve("forger"));
        long size = events.size();
        byte[] root = tree(events).root();
        Checkpoint forged = CheckpointSigning.sign(new ChainHead("demo-trust", size, hash(events.get(events.size()
                - 1))), root, java.time.Instant.parse("2026-12-01T10:00:00Z"), forger, "accord.example");
        ((ArrayNode) export.path("checkpoints")).removeAll().add(ExportFormat.checkpoint(forged));
        export.put("publicKey", forger.publicKeyPem()).put("keyId", forger.keyId());
        Path doctored = write(export);

        String out = offline(1, doctored.toString(), key().toString());
        assertThat(out).contains("WARNING: the export names another public key (" + forger.keyId() + ")");
        assertThat(out).contains("NOT INTACT: CHECKPOINT_INVALID");
        // with the key inside the export, it would pass: that is why the key must come from elsewhere
        Path forgersKey = files.resolve("forger.pem");
        Files.writeString(forgersKey, forger.publicKeyPem());
        assertThat(offline(0, doctored.toString(), forgersKey.toString())).startsWith("INTACT");
    }

    @Test
    void aCheckpointWhoseNoteWasChangedIsNotAcceptedAsSigned() throws Exception {
        ObjectNode export = read(downloads().export("board"));
        ArrayNode checkpoints = (ArrayNode) export.path("checkpoints");
        ObjectNode last = (ObjectNode) checkpoints.get(checkpoints.size() - 1);
        String note = last.path("note").asString();
        String[] lines = note.split("\n", -1);
        lines[1] = Long.toString(Long.parseLong(lines[1]) + 1); // claims one event more
        last.put("note", String.join("\n", lines));
        String out = offline(1, write(export).toString(), key().toString());
        assertThat(out).contains("CHECKPOINT_INVALID").contains("does not verify");
    }

    @Test
    void anEarlierCheckpointFromABoardPackIsExtendedByTheLaterExportAndARollBackOrRewriteBelowItIsCaught()
            throws Exception {
        ObjectNode first = read(downloads().export("board"));
        ArrayNode firstCheckpoints = (ArrayNode) first.path("checkpoints");
        Path earlier = files.resolve("last-quarter.txt");
        Files.writeString(earlier, "\n" + firstCheckpoints.get(firstCheckpoints.size() - 1).path("note").asString());
        long earlierSize = firstCheckpoints.get(firstCheckpoints.size() - 1).path("position").asLong();
        as("exec").documentName("registerPerson").variable("input", Map.of("trustId", "demo-trust", "displayName",
                "Later Person", "roles", List.of("STAFF"), "schoolId", "demo-school-riverside")).execute()
                .path("registerPerson.person.id").hasValue();
        Path later = downloads().export("board");

        String out = offline(0, later.toString(), key().toString(), "--since", earlier.toString());
        assertThat(out).contains("CONSISTENT with the earlier checkpoint: size " + earlierSize);

        // rolled back below the earlier checkpoint, with everything after it removed, and re-signed by nobody
        ObjectNode rolledBack = read(later);
        ArrayNode events = (ArrayNode) rolledBack.path("events");
        while (events.size() > earlierSize - 3) {
            events.remove(events.size() - 1);
        }
        ((ObjectNode) rolledBack.path("head")).put("position", events.size())
                .put("hash", hash(events.get(events.size() - 1)));
        ((ArrayNode) rolledBack.path("checkpoints")).removeAll();
        assertThat(offline(1, write(rolledBack).toString(), key().toString(), "--since", earlier.toString()))
                .contains("NOT INTACT: MISSING").contains("a checkpoint was signed at position " + earlierSize);

        // rewritten below it and re-linked, with the later checkpoints dropped
        ObjectNode rewritten = read(later);
        ((ObjectNode) ((ArrayNode) rewritten.path("events")).get(3).path("payload")).put("name", "Rewritten");
        relink(rewritten, 3);
        ((ArrayNode) rewritten.path("checkpoints")).removeAll();
        assertThat(offline(1, write(rewritten).toString(), key().toString(), "--since", earlier.toString()))
                .contains("NOT INTACT: ALTERED").contains("checkpoint signed at position " + earlierSize);

        Path foreign = files.resolve("foreign.txt");
        LedgerKeys other = LedgerKeys.inFolder(files.resolve("other"));
        Files.writeString(foreign, NoteSigner.of("accord.example/demo-trust", other)
                .sign(CheckpointSigning.open("demo-trust", Files.readString(earlier).strip() + "\n",
                        LedgerKeys.publicKey(Files.readString(key()))).signedText()).format());
        assertThat(offline(1, later.toString(), key().toString(), "--since", foreign.toString()))
                .contains("is not one of this trust signed by the given key");
    }

    @Test
    void oneDecisionIsProvenWithoutTheRestOfTheLog() throws Exception {
        ArrayNode events = (ArrayNode) read(downloads().export("board")).path("events");
        String eventId = events.get(7).path("eventId").asString();
        Path proof = downloads().get("/decision-log/proof?trustId=demo-trust&eventId=" + eventId, "board",
                HttpStatus.OK);
        JsonNode document = JSON.readTree(proof.toFile());
        assertThat(document.path("format").asString()).isEqualTo(DecisionProof.FORMAT);
        assertThat(document.path("inclusionProof").path("path").size()).as("about log2 n hashes")
                .isBetween(1, 64 - Long.numberOfLeadingZeros(document.path("inclusionProof").path("treeSize").asLong()));

        assertThat(decision(0, proof, key())).startsWith("VERIFIED: event " + eventId).contains("position 8 ");

        ObjectNode altered = (ObjectNode) document.deepCopy();
        ((ObjectNode) altered.path("event").path("payload")).put("trustId", "demo-trust").put("name", "Altered");
        assertThat(decision(1, write(altered), key())).contains("NOT VERIFIED: the decision was altered");

        ObjectNode badPath = (ObjectNode) document.deepCopy();
        ((ArrayNode) badPath.path("inclusionProof").path("path")).set(0, "00".repeat(32));
        assertThat(decision(1, write(badPath), key())).contains("NOT VERIFIED: leaf 7 and its proof lead to root");

        Path otherKey = files.resolve("other.pem");
        Files.writeString(otherKey, LedgerKeys.inFolder(files.resolve("someone-else")).publicKeyPem());
        assertThat(decision(1, proof, otherKey)).contains("NOT VERIFIED: the checkpoint is not one of trust");

        downloads().get("/decision-log/proof?trustId=demo-trust&eventId=" + eventId, "outsider", HttpStatus.NOT_FOUND);
        downloads().get("/decision-log/proof?trustId=demo-trust&eventId=no-such-event", "board", HttpStatus.NOT_FOUND);
    }

    @Test
    void aConsistencyProofShowsTheNewestCheckpointExtendsAnEarlierSize() throws Exception {
        ArrayNode events = (ArrayNode) read(downloads().export("board")).path("events");
        Path file = downloads().get("/decision-log/consistency?trustId=demo-trust&fromSize=37", "board",
                HttpStatus.OK);
        JsonNode document = JSON.readTree(file.toFile());
        Checkpoint newest = CheckpointSigning.open("demo-trust", document.path("checkpoint").asString(),
                LedgerKeys.publicKey(Files.readString(key())));
        JsonNode proofNode = document.path("consistencyProofs").get(0);
        ConsistencyProof proof = ProofJson.consistencyProof(proofNode);
        assertThat(proof.firstSize()).isEqualTo(37);
        assertThat(proof.secondSize()).isEqualTo(newest.position());
        byte[] earlierRoot = tree(events).root(37); // from the leaves the board already holds
        proof.verify(earlierRoot, HexFormat.of().parseHex(newest.rootHash()));
        downloads().get("/decision-log/consistency?trustId=demo-trust&fromSize=37", "outsider", HttpStatus.NOT_FOUND);
        downloads().get("/decision-log/consistency?trustId=demo-trust&fromSize=-1", "board", HttpStatus.BAD_REQUEST);
    }

    /** What an insider does after an edit: every link from there on computed again, and the head moved to match. */
    static void relink(ObjectNode export, int fromIndex) {
        ArrayNode events = (ArrayNode) export.path("events");
        String trust = export.path("trustId").asString();
        String previous = fromIndex == 0 ? ChainHasher.GENESIS : hash(events.get(fromIndex - 1));
        for (int i = fromIndex; i < events.size(); i++) {
            ObjectNode node = (ObjectNode) events.get(i);
            StoredEvent event = ExportFormat.event(node);
            String link = event.linkHash(trust, event.chainPosition(), previous);
            ((ObjectNode) node.path("metaData")).put(ChainMetadata.HASH, link);
            previous = link;
        }
        ((ObjectNode) export.path("head")).put("hash", previous);
    }

    private static MerkleTree tree(ArrayNode events) {
        MerkleTree tree = new MerkleTree();
        events.forEach(e -> tree.append(LedgerLeaf.hash(hash(e))));
        return tree;
    }

    private static String hash(JsonNode event) {
        return event.path("metaData").path(ChainMetadata.HASH).asString();
    }

    private static long position(JsonNode event) {
        return Long.parseLong(event.path("metaData").path(ChainMetadata.POSITION).asString());
    }

    private ObjectNode read(Path file) {
        return (ObjectNode) JSON.readTree(file.toFile());
    }

    private Path write(JsonNode document) throws Exception {
        Path file = Files.createTempFile(files, "doctored-", ".json");
        Files.writeString(file, JSON.writeValueAsString(document));
        return file;
    }

    private Path key() throws Exception {
        return downloads().publishedKey();
    }

    private LedgerDownloads downloads() {
        return new LedgerDownloads(port, files);
    }
}
