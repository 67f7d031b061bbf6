package org.accord.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

/** Requests built to make Accord do unbounded work get a classified error, and change nothing. */
class HostileRequestsTest extends AccordHttpTest {

    @Test
    void aDeeplyNestedQueryIsRefused() {
        // trust → teams → trust → teams … until far past any real client's needs
        String nested = "id";
        for (int i = 0; i < 10; i++) {
            nested = "teams { trust { " + nested + " } }";
        }
        expectBadRequest(as("board").document("{ trust(id: \"demo-trust\") { " + nested + " } }").execute(),
                "depth");
    }

    @Test
    void aQueryAskingForTheSameFieldThroughManyAliasesIsRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 50; i++) {
            query.append(" a").append(i).append(": trust(id: \"demo-trust\") { name }");
        }
        expectBadRequest(as("board").document(query.append(" }").toString()).execute(), "aliases");
    }

    @Test
    void aVeryWideQueryIsRefused() {
        // within the depth and alias limits, but hundreds of fields in all
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 30; i++) {
            query.append(" a").append(i).append(": trust(id: \"demo-trust\") { id name schools { id name phase trust")
                    .append(" { id name teams { id name remit chair { id displayName } members { id displayName } } } }")
                    .append(" }");
        }
        expectBadRequest(as("board").document(query.append(" }").toString()).execute(), "complexity");
    }

    @Test
    void anOversizedRequestIsRefusedBeforeItIsRead() {
        long before = storedEvents();
        String huge = "x".repeat(100_000);
        client().defaultHeaders(h -> h.setBasicAuth("exec", "demo")).build()
                .post().contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "mutation { registerSchool(input: {trustId: \"demo-trust\", name: \"" + huge
                        + "\", phase: PRIMARY}) { school { id } } }"))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void anInternalFailureNeverShowsAStackTraceOrAClassName() {
        GraphQlTester.Response response = as("board").document("{ proposals(trustId: \"demo-trust\", after: \"%%%\")"
                + " { edges { cursor } } }").execute();
        response.errors().satisfy(errors -> errors.forEach(e -> {
            assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("org.accord")
                    .doesNotContain("at org.");
        }));
    }

    private static void expectBadRequest(GraphQlTester.Response response, String messagePart) {
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors).allSatisfy(e -> {
                assertThat(e.getExtensions()).containsEntry("classification", "BAD_REQUEST");
            });
            assertThat(errors.get(0).getMessage()).containsIgnoringCase(messagePart);
        });
    }
}
