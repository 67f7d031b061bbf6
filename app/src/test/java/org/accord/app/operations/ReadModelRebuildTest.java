package org.accord.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.accord.app.embedded.ReadModelDatabase;
import org.accord.app.embedded.ReadModelDump;
import org.accord.app.support.AccordHttpTest;
import org.accord.query.shared.ReadModels;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A rebuild of every read model from the events, in the embedded mode with the demo trust: what it rebuilds is equal,
 * document for document, to what it replaced, and the application keeps answering (and keeps read-your-writes)
 * while it runs.
 */
class ReadModelRebuildTest extends AccordHttpTest {

    @Autowired
    ReadModelDatabase readModelDatabase;

    @Test
    void theRebuiltReadModelsEqualTheOnesTheyReplace() {
        Map<String, List<String>> before = readModels();
        assertThat(before.keySet()).contains("trusts", "proposals", "standards", "variations", "decision_records",
                "decision_log_heads", "teams", "people", "schools");
        assertThat(before.get("decision_log_heads")).isNotEmpty();
        assertThat(before.get("clusters")).isNotEmpty();
        assertThat(before.get("trust_clusters")).isNotEmpty();
        assertThat(before.get("decision_rights")).isNotEmpty();
        assertThat(before.get("school_heads")).isNotEmpty();
        assertThat(before.get("standard_clusters")).isNotEmpty();

        rebuild().expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> done = awaitDone();

        assertThat(done.get("rebuild")).asString().contains("DONE");
        assertThat(readModels()).isEqualTo(before);
    }

    @Test
    void theApplicationAnswersAndKeepsReadYourWritesDuringARebuild() {
        rebuild().expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        // a mutation during the replay: it returns once its own event is projected, so the query after sees it
        String schoolId = as("exec").document("""
                        mutation { registerSchool(input:
                          {trustId: "demo-trust", name: "Rebuild Primary", phase: PRIMARY}) { school { id } } }""")
                .execute().path("registerSchool.school.id").entity(String.class).get();
        as("head").document("query($id: ID!) { school(id: $id) { name } }").variable("id", schoolId)
                .execute().path("school.name").entity(String.class).isEqualTo("Rebuild Primary");
        awaitDone();
        as("board").document("{ trust(id: \"demo-trust\") { schools { name } } }").execute()
                .path("trust.schools[*].name").entityList(String.class)
                .contains("Rebuild Primary", "Oakwood Primary School");
    }

    @Test
    void aSecondRebuildWhileOneRunsIsRefused() {
        rebuild().expectStatus().isEqualTo(HttpStatus.ACCEPTED);
        WebTestClient.ResponseSpec second = rebuild();
        awaitDone();
        // the first may already be done on a fast machine; then the second simply ran as well
        second.expectStatus().value(status -> assertThat(status).isIn(202, 409));
        awaitDone();
    }

    @Test
    void onlyTheOperatorMayRebuildOrSeeProgress() {
        actuator().post().uri("/actuator/rebuild").headers(h -> h.setBasicAuth("exec", "demo")).exchange()
                .expectStatus().isForbidden();
        actuator().get().uri("/actuator/rebuild").exchange().expectStatus().isUnauthorized();
        actuator().get().uri("/actuator/rebuild").headers(h -> h.setBasicAuth("operator", "demo")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.projections.length()").isEqualTo(1)
                .jsonPath("$.projections[0].processor").isEqualTo(ReadModels.PROCESSOR)
                .jsonPath("$.head").isNumber();
    }

    private WebTestClient.ResponseSpec rebuild() {
        return actuator().post().uri("/actuator/rebuild").headers(h -> h.setBasicAuth("operator", "demo")).exchange();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitDone() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> progress = Map.of();
        while (System.nanoTime() < deadline) {
            progress = actuator().get().uri("/actuator/rebuild").headers(h -> h.setBasicAuth("operator", "demo"))
                    .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
            String state = String.valueOf(((Map<String, Object>) progress.get("rebuild")).get("state"));
            assertThat(state).isNotEqualTo("FAILED");
            if (state.equals("DONE")) {
                return progress;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the rebuild did not finish within 60 s: " + progress);
    }

    private WebTestClient actuator() {
        return WebTestClient.bindToServer(new org.springframework.http.client.reactive.JdkClientHttpConnector())
                .baseUrl("http://localhost:" + port).build();
    }

    /** Every read-model collection (not the processors' tokens), each in id order (ReadModelDump). */
    private Map<String, List<String>> readModels() {
        return ReadModelDump.of(readModelDatabase.dataSource());
    }
}
