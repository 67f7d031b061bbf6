package org.accord.app.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The verifiable log as a board meets it: verification over GraphQL, the export and its offline verification with
 * nothing but the export and the published key, and erasure leaving every hash as it was.
 */
class VerifiableLogTest extends AccordHttpTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path files;

    @Test
    void theDemoTrustsLogVerifiesIntactFromTheEventStore() {
        long events = jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE json_extract(CAST(metaData AS"
                + " TEXT), '$.chainTrust') = 'demo-trust'", Long.class);
        as("board").documentName("verifyDecisionLog").variable("trustId", "demo-trust").execute()
                .path("verifyDecisionLog.intact").entity(Boolean.class).isEqualTo(true)
                .path("verifyDecisionLog.checkedEvents").entity(Long.class).satisfies(n ->
                        assertThat(n).isGreaterThanOrEqualTo(events).isGreaterThan(50))
                .path("verifyDecisionLog.headHash").entity(String.class).satisfies(h -> assertThat(h).hasSize(64))
                .path("verifyDecisionLog.rootHash").entity(String.class).satisfies(h -> assertThat(h).hasSize(64))
                .path("verifyDecisionLog.firstProblem").valueIsNull();
        as("outsider").documentName("verifyDecisionLog").variable("trustId", "demo-other-trust").execute()
                .path("verifyDecisionLog.intact").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void anIntactLogRaisesNoAlert() {
        as("board").documentName("decisionLogAlert").variable("trustId", "demo-trust").execute()
                .path("decisionLogAlert").valueIsNull();
    }

    @Test
    void nobodyOutsideTheTrustLearnsAnythingOfItsLog() {
        as("outsider").documentName("verifyDecisionLog").variable("trustId", "demo-trust").execute()
                .path("verifyDecisionLog").valueIsNull();
        as("outsider").documentName("verifyDecisionLog").variable("trustId", "no-such-trust").execute()
                .path("verifyDecisionLog").valueIsNull();
        web().get().uri("/decision-log/export?trustId=demo-trust").headers(h -> h.setBasicAuth("outsider", "demo"))
                .exchange().expectStatus().isNotFound();
        web().get().uri("/decision-log/export?trustId=demo-trust").exchange().expectStatus().isUnauthorized();
        web().get().uri("/decision-log/export").headers(h -> h.setBasicAuth("board", "demo"))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theExportVerifiesOfflineWithThePublishedKeyAndNothingElse() throws Exception {
        Path export = export("board");
        Path key = publishedKey();

        String out = offline(export, key, 0);
        assertThat(out).startsWith("INTACT: ");
        assertThat(out).contains("Last signed checkpoint verified");
        JsonNode exported = JSON.readTree(export.toFile());
        assertThat(exported.path("events").size()).isGreaterThan(50);
        assertThat(exported.path("checkpoints").size()).as("one signed at the export's head, at least").isPositive();
        assertThat(exported.toString()).doesNotContain("Morgan Hale"); // a demo person's name: never in events
    }

    @Test
    void theOfflineVerifierNamesEachAlterationOfAnExport() throws Exception {
        Path key = publishedKey();
        JsonNode original = JSON.readTree(export("exec").toFile());
        List<String> found = new ArrayList<>();
        Map<String, Consumer<ArrayNode>> alterations = Map.of(
                "ALTERED at position 10", events -> ((ObjectNode) events.get(9).path("payload"))
                        .put("trustId", "demo-trust").put("name", "Altered"),
                "MISSING at position 20", events -> events.remove(19),
                "INSERTED at position 31", events -> events.insert(30, ((ObjectNode) events.get(4).deepCopy())
                        .put("eventId", "forged")),
                "REORDERED at position 40", events -> {
                    JsonNode fortieth = events.get(39);
                    events.set(39, events.get(40));
                    events.set(40, fortieth);
                },
                "MISSING at position", events -> events.remove(events.size() - 1));
        for (Map.Entry<String, Consumer<ArrayNode>> alteration : alterations.entrySet()) {
            ObjectNode copy = (ObjectNode) original.deepCopy();
            alteration.getValue().accept((ArrayNode) copy.path("events"));
            Path tampered = files.resolve("tampered.json");
            Files.writeString(tampered, JSON.writeValueAsString(copy));
            String out = offline(tampered, key, 1);
            assertThat(out).as(alteration.getKey()).startsWith("NOT INTACT: " + alteration.getKey());
            found.add(alteration.getKey());
        }
        assertThat(found).hasSize(5);

        // a head moved back to hide the removal of the last events: the export's own signed checkpoint says otherwise
        ObjectNode truncated = (ObjectNode) original.deepCopy();
        ArrayNode events = (ArrayNode) truncated.path("events");
        JsonNode last = events.remove(events.size() - 1);
        long position = Long.parseLong(last.path("metaData").path("chainPosition").asString());
        ((ObjectNode) truncated.path("head")).put("position", position - 1)
                .put("hash", events.get(events.size() - 1).path("metaData").path("chainHash").asString());
        Path tampered = files.resolve("truncated.json");
        Files.writeString(tampered, JSON.writeValueAsString(truncated));
        assertThat(offline(tampered, key, 1)).contains("MISSING at position " + position);
    }

    @Test
    void anExportIsOnlyAsGoodAsTheKeyItIsCheckedWith() throws Exception {
        Path export = export("board");
        Path otherKey = files.resolve("other.pem");
        Files.writeString(otherKey, LedgerKeys.inFolder(files.resolve("other")).publicKeyPem());

        assertThat(offline(export, otherKey, 1)).contains("CHECKPOINT_INVALID");
        Path notAKey = files.resolve("not-a-key.pem");
        Files.writeString(notAKey, "hello");
        assertThat(offline(export, notAKey, 2)).contains("cannot read the public key");
        Path notAnExport = files.resolve("not-an-export.json");
        Files.writeString(notAnExport, "{\"format\":\"something else\"}");
        assertThat(offline(notAnExport, publishedKey(), 2)).contains("not an Accord decision log export");
    }

    @Test
    void erasingAPersonChangesNoHashAndTheLogStillVerifies() throws Exception {
        String person = as("exec").documentName("registerPerson")
                .variable("input", Map.of("trustId", "demo-trust", "displayName", "Erin Erasable",
                        "roles", List.of("STAFF"), "schoolId", "demo-school-riverside"))
                .execute().path("registerPerson.person.id").entity(String.class).get();
        JsonNode before = JSON.readTree(export("board").toFile()).path("events");

        as("exec").documentName("erasePerson").variable("input", Map.of("personId", person)).execute()
                .path("erasePerson.person.displayName").valueIsNull();

        JsonNode after = JSON.readTree(export("board").toFile()).path("events");
        assertThat(after.size()).isGreaterThan(before.size());
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).path("metaData").path("chainHash"))
                    .isEqualTo(before.get(i).path("metaData").path("chainHash"));
        }
        as("board").documentName("verifyDecisionLog").variable("trustId", "demo-trust").execute()
                .path("verifyDecisionLog.intact").entity(Boolean.class).isEqualTo(true);
    }

    private Path export(String account) throws Exception {
        return downloads().export(account);
    }

    private Path publishedKey() throws Exception {
        return downloads().publishedKey();
    }

    private static String offline(Path export, Path key, int expectedExitCode) {
        return LedgerDownloads.offline(expectedExitCode, export.toString(), key.toString());
    }

    private WebTestClient web() {
        return downloads().web();
    }

    private LedgerDownloads downloads() {
        return new LedgerDownloads(port, files);
    }
}
