package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's peer review (Oakwood's head reviewed Willowbrook) in the verifiable export and a decision's proof: whole
 * for the two schools and the trust's leadership, withheld (link kept, content not) for a person of a third school,
 * and verifiable either way, by Accord's verifier and the independent one.
 */
class WithheldPeerReviewExportTest extends AccordHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PEER_REVIEW = "org.accord.api.peerreview.";
    /** Words of one of the review's findings: what a third school must not read. */
    private static final String DEMO_REVIEW = "demo-peer-review-willowbrook";
    private static final String FINDING = "Pupil passports are written but not shared with cover staff";

    @TempDir
    Path files;

    private LedgerDownloads downloads() {
        return new LedgerDownloads(port, files);
    }

    private static List<JsonNode> peerReviewEvents(ObjectNode export) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : export.path("events")) {
            if (event.path("payloadType").asString().startsWith(PEER_REVIEW)) {
                found.add(event);
            }
        }
        return found;
    }

    private Path write(ObjectNode export) throws Exception {
        Path file = Files.createTempFile(files, "doctored-", ".json");
        Files.writeString(file, JSON.writeValueAsString(export));
        return file;
    }

    @Test
    void aPersonOfAThirdSchoolGetsTheReviewsLinksWithoutItsContentAndTheExportStillVerifies() throws Exception {
        Path key = downloads().publishedKey();
        Path export = downloads().export("chair"); // Northfield: neither school of the review
        String text = Files.readString(export);
        assertThat(text).doesNotContain(FINDING).doesNotContain("Every cover supervisor reads");
        ObjectNode tree = (ObjectNode) JSON.readTree(text);
        List<JsonNode> reviews = peerReviewEvents(tree);
        assertThat(reviews).hasSizeGreaterThanOrEqualTo(5).allSatisfy(event -> {
            assertThat(event.path("payload").isNull()).as(event.toString()).isTrue();
            assertThat(event.path("withheld").asString()).isEqualTo("peer review");
            assertThat(event.path("metaData").path("chainHash").asString()).hasSize(64);
            assertThat(event.path("eventId").asString()).isNotBlank();
        });
        // nothing else is withheld
        long withheld = 0;
        for (JsonNode event : tree.path("events")) {
            withheld += event.has("withheld") ? 1 : 0;
        }
        assertThat(withheld).isEqualTo(reviews.size());

        String out = LedgerDownloads.offline(0, export.toString(), key.toString());
        assertThat(out).startsWith("INTACT: " + tree.path("events").size() + " events of trust 'demo-trust' ("
                + reviews.size() + " withheld from this reader: their links checked, their content not)");
        if (PythonScript.AVAILABLE) {
            PythonScript.Result python = PythonScript.run("verify_export.py", export.toString(), key.toString());
            assertThat(python.exitCode()).as(python.output()).isZero();
            assertThat(python.output()).startsWith("VERIFIED: " + tree.path("events").size() + " events of trust"
                    + " 'demo-trust' (" + reviews.size() + " withheld from this reader");
        }
    }

    @Test
    void theReviewedSchoolsHeadTheReviewersAndTheBoardGetItWhole() throws Exception {
        Path key = downloads().publishedKey();
        for (String account : List.of("head-willowbrook", "head", "board", "exec")) {
            Path export = downloads().export(account);
            String text = Files.readString(export);
            assertThat(text).as(account).contains(FINDING);
            // the demo's review, whole; other tests of the shared app may have recorded reviews these two heads'
            // schools are not party to, withheld from them as from anyone else
            assertThat(peerReviewEvents((ObjectNode) JSON.readTree(text))).as(account)
                    .filteredOn(event -> event.path("aggregateId").asString().equals(DEMO_REVIEW)).isNotEmpty()
                    .allSatisfy(event -> assertThat(event.path("payload").isObject()).isTrue())
                    .allSatisfy(event -> assertThat(event.has("withheld")).isFalse());
            String verified = LedgerDownloads.offline(0, export.toString(), key.toString());
            assertThat(verified).as(account).startsWith("INTACT");
            if (account.equals("board") || account.equals("exec")) {
                assertThat(text).as(account + " reads every review").doesNotContain("\"withheld\"");
                assertThat(verified).as(account).doesNotContain("withheld");
            }
        }
    }

    @Test
    void aTamperedWithheldEntryBreaksTheChainForBothVerifiers() throws Exception {
        Path key = downloads().publishedKey();
        ObjectNode original = (ObjectNode) JSON.readTree(downloads().export("chair").toFile());
        ArrayNode events = (ArrayNode) original.path("events");
        int index = -1;
        for (int i = 0; i < events.size() - 1; i++) {
            if (events.get(i).has("withheld")) {
                index = i;
                break;
            }
        }
        assertThat(index).as("a withheld entry before the last").isNotNegative();

        ObjectNode changedHash = original.deepCopy();
        ObjectNode meta = (ObjectNode) changedHash.path("events").get(index).path("metaData");
        String hash = meta.path("chainHash").asString();
        meta.put("chainHash", (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1));
        refusedByBoth(write(changedHash), key);

        // a withheld entry relinked after it (every later link recomputed): the signed root no longer matches
        ObjectNode relinked = original.deepCopy();
        ObjectNode relinkedMeta = (ObjectNode) relinked.path("events").get(index).path("metaData");
        relinkedMeta.put("chainHash", "0".repeat(63) + "1");
        InsiderExportTest.relink(relinked, index + 1);
        refusedByBoth(write(relinked), key);

        // an event that is no peer review's cannot be passed off as withheld to hide its content
        ObjectNode hidden = original.deepCopy();
        ObjectNode first = (ObjectNode) hidden.path("events").get(0);
        first.putNull("payload");
        first.put("withheld", "peer review");
        String out = LedgerDownloads.offline(1, write(hidden).toString(), key.toString());
        assertThat(out).contains("Accord withholds only a peer review's");
        refusedByBoth(write(hidden), key);
    }

    private static void refusedByBoth(Path doctored, Path key) throws Exception {
        assertThat(LedgerDownloads.offline(1, doctored.toString(), key.toString())).startsWith("NOT ");
        if (PythonScript.AVAILABLE) {
            PythonScript.Result python = PythonScript.run("verify_export.py", doctored.toString(), key.toString());
            assertThat(python.exitCode()).as(python.output()).isEqualTo(1);
            assertThat(python.output()).startsWith("NOT VERIFIED");
        }
    }

    @Test
    void aDecisionsProofWithholdsAReviewsContentTheSameWay() throws Exception {
        Path key = downloads().publishedKey();
        ObjectNode whole = (ObjectNode) JSON.readTree(downloads().export("board").toFile());
        String eventId = null;
        for (JsonNode event : whole.path("events")) {
            if (event.path("payloadType").asString().endsWith("PeerReviewFindingAddedEvent")
                    && event.path("payload").toString().contains(FINDING)) {
                eventId = event.path("eventId").asString();
            }
        }
        assertThat(eventId).isNotNull();
        String uri = "/decision-log/proof?trustId=demo-trust&eventId=" + eventId;

        Path withheld = downloads().get(uri, "chair", HttpStatus.OK);
        assertThat(Files.readString(withheld)).doesNotContain(FINDING).contains("\"withheld\":\"peer review\"");
        assertThat(LedgerDownloads.decision(0, withheld, key)).startsWith("VERIFIED: event " + eventId)
                .contains("content withheld from this reader (peer review)");

        Path forReviewed = downloads().get(uri, "head-willowbrook", HttpStatus.OK);
        assertThat(Files.readString(forReviewed)).contains(FINDING).doesNotContain("\"withheld\"");
        assertThat(LedgerDownloads.decision(0, forReviewed, key)).contains("payload: ").contains(FINDING);

        ObjectNode doctored = (ObjectNode) JSON.readTree(withheld.toFile());
        ObjectNode meta = (ObjectNode) doctored.path("event").path("metaData");
        String hash = meta.path("chainHash").asString();
        meta.put("chainHash", (hash.charAt(0) == 'a' ? "b" : "a") + hash.substring(1));
        assertThat(LedgerDownloads.decision(1, write(doctored), key)).startsWith("NOT VERIFIED");
    }
}
