package org.accord.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A document sent again is answered as if it were new ({@link ParsedDocuments} keeps it parsed): with the values of
 * its own request, and refused again when it was refused before.
 */
class RepeatedDocumentsTest extends AccordHttpTest {

    private static final String PROPOSAL = "query Proposal($id: ID!) { proposal(id: $id) { id title } }";

    @Autowired
    ParsedDocuments documents;

    @Test
    void theSameDocumentWithOtherVariablesAnswersForThoseVariables() {
        as("board").document(PROPOSAL).variable("id", "demo-proposal-ks3-reading").execute()
                .path("proposal.id").entity(String.class).isEqualTo("demo-proposal-ks3-reading");
        assertThat(documents.holds(PROPOSAL)).as("kept parsed after its first request").isTrue();
        as("board").document(PROPOSAL).variable("id", "demo-proposal-library-lesson").execute()
                .path("proposal.id").entity(String.class).isEqualTo("demo-proposal-library-lesson");
    }

    @Test
    void aDocumentRefusedForItsAliasesIsRefusedEachTimeItIsSent() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 50; i++) {
            query.append(" a").append(i).append(": trust(id: \"demo-trust\") { name }");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            expectRefused(as("board").document(query + " }").execute(), "aliases");
        }
    }

    @Test
    void aDocumentAnsweredForOneCallerAnswersNothingToACallerWhoMayNotSeeIt() {
        String trust = "{ trust(id: \"demo-trust\") { id } }";
        as("board").document(trust).execute().path("trust.id").entity(String.class).isEqualTo("demo-trust");
        as("outsider").document(trust).execute().path("trust").valueIsNull();
    }

    @Test
    void aDeeplyNestedDocumentIsRefusedEachTimeItIsSent() {
        String nested = "id";
        for (int i = 0; i < 10; i++) {
            nested = "teams { trust { " + nested + " } }";
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            expectRefused(as("board").document("{ trust(id: \"demo-trust\") { " + nested + " } }").execute(),
                    "depth");
        }
    }

    @Test
    void anInvalidDocumentIsRefusedEachTimeItIsSent() {
        for (int attempt = 0; attempt < 2; attempt++) {
            expectRefused(as("board").document("{ trust(id: \"demo-trust\") { noSuchField } }").execute(),
                    "noSuchField");
        }
    }

    private static void expectRefused(GraphQlTester.Response response, String messagePart) {
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors.get(0).getMessage()).containsIgnoringCase(messagePart);
        });
    }
}
