package org.accord.app.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.accord.app.ledger.ChainHasher;
import org.accord.app.ledger.ChainLink;
import org.accord.app.ledger.LedgerKeys;
import org.accord.app.ledger.PythonScript;
import org.accord.app.ledger.PythonScript.Result;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A verifier in another language, written from docs/transparency-log.md (ledger/verify_tlog.py, Python's standard
 * library only), accepts the proofs this code makes and refuses them once altered. Skipped where python3 is absent.
 */
class IndependentPythonVerifierTest {

    private static final int EVENTS = 100;

    @TempDir
    Path folder;

    @BeforeEach
    void python3IsThere() {
        Assumptions.assumeTrue(PythonScript.AVAILABLE, PythonScript.MISSING);
    }

    @Test
    void theProofsOfATrustsLogVerifyInPython() throws Exception {
        Result result = run(document());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("VERIFIED: accord.example/demo-trust at size 100")
                .contains("6 inclusion and 7 consistency proofs");
    }

    @Test
    void alteredProofsRootsLeavesOrCheckpointsAreRefusedInPython() throws Exception {
        List<Consumer<ObjectNode>> alterations = List.of(
                d -> flipFirstHash(inclusion(d, 2), "path"),
                d -> inclusion(d, 2).put("leafIndex", inclusion(d, 2).get("leafIndex").asLong() + 1),
                d -> inclusion(d, 0).put("linkHash", flip(inclusion(d, 0).get("linkHash").asString())),
                d -> inclusion(d, 3).put("rootHash", flip(inclusion(d, 3).get("rootHash").asString())),
                d -> flipFirstHash(consistency(d, 1), "path"),
                d -> consistency(d, 1).put("firstSize", consistency(d, 1).get("firstSize").asLong() + 1),
                d -> consistency(d, 2).put("firstRootHash", flip(consistency(d, 2).get("firstRootHash").asString())),
                d -> ((ArrayNode) consistency(d, 1).get("path")).remove(0),
                d -> ((ArrayNode) d.get("leaves")).set(40, flip(d.get("leaves").get(40).asString())),
                d -> d.put("checkpoint", d.get("checkpoint").asString().replace("\n100\n", "\n99\n")));
        for (int i = 0; i < alterations.size(); i++) {
            ObjectNode document = document();
            alterations.get(i).accept(document);
            Result result = run(document);
            assertThat(result.exitCode()).as("alteration %d: %s", i, result.output()).isEqualTo(1);
            assertThat(result.output()).startsWith("NOT VERIFIED");
        }
    }

    @Test
    void aFileThatIsNoProofDocumentIsUnreadableInPython() throws Exception {
        ObjectNode document = document();
        document.put("format", "something-else");
        assertThat(run(document).exitCode()).isEqualTo(2);
    }

    private ObjectNode document() {
        List<String> linkHashes = linkHashes();
        MerkleTree tree = LedgerLeaf.tree(linkHashes);
        String origin = LogOrigin.of("demo-trust");
        NoteSigner signer = NoteSigner.of(origin, LedgerKeys.inFolder(folder.resolve("key")));
        String note = TreeCheckpoint.of(origin, tree).sign(signer);
        ObjectNode document = ProofJson.document(origin, tree.size(), tree.root(), note);
        ArrayNode leaves = document.putArray("leaves");
        linkHashes.forEach(leaves::add);
        ArrayNode inclusions = (ArrayNode) document.get("inclusionProofs");
        for (long[] at : new long[][] {{0, 100}, {1, 100}, {50, 100}, {99, 100}, {63, 64}, {40, 64}}) {
            InclusionProof proof = tree.inclusionProof(at[0], at[1]);
            proof.verify(tree.leafHash(at[0]), tree.root(at[1]));
            inclusions.add(ProofJson.inclusion(proof, linkHashes.get((int) at[0]), tree.root(at[1])));
        }
        ArrayNode consistencies = (ArrayNode) document.get("consistencyProofs");
        for (long[] sizes : new long[][] {{1, 100}, {37, 100}, {64, 100}, {0, 100}, {100, 100}, {13, 64},
            {99, 100}}) {
            ConsistencyProof proof = tree.consistencyProof(sizes[0], sizes[1]);
            consistencies.add(ProofJson.consistency(proof, tree.root(sizes[0]), tree.root(sizes[1])));
        }
        return document;
    }

    /** A chain of events as the ledger links them, so the leaves are real link hashes. */
    private static List<String> linkHashes() {
        JsonMapper json = JsonMapper.builder().build();
        List<String> hashes = new ArrayList<>();
        String previous = ChainHasher.GENESIS;
        for (int position = 1; position <= EVENTS; position++) {
            previous = ChainHasher.hash(new ChainLink("demo-trust", position, previous, "event-" + position,
                    "Proposal", "proposal-" + (position % 7), position / 7, "org.accord.api.proposal.VoteCastEvent",
                    json.readTree("{\"vote\":\"APPROVE\",\"n\":" + position + "}"), "person-" + (position % 5),
                    Instant.parse("2025-03-01T09:00:00Z").plusSeconds(position)));
            hashes.add(previous);
        }
        return hashes;
    }

    private Result run(ObjectNode document) throws IOException, InterruptedException {
        Path file = Files.createTempFile(folder, "proofs", ".json");
        Files.writeString(file, ProofJson.JSON.writeValueAsString(document));
        return PythonScript.run("verify_tlog.py", file.toString());
    }

    private static ObjectNode inclusion(ObjectNode document, int index) {
        return (ObjectNode) document.get("inclusionProofs").get(index);
    }

    private static ObjectNode consistency(ObjectNode document, int index) {
        return (ObjectNode) document.get("consistencyProofs").get(index);
    }

    private static void flipFirstHash(ObjectNode proof, String field) {
        ArrayNode path = (ArrayNode) proof.get(field);
        path.set(0, flip(path.get(0).asString()));
    }

    private static String flip(String hex) {
        char last = hex.charAt(hex.length() - 1);
        return hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
    }


}
