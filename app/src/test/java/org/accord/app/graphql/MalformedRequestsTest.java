package org.accord.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.accord.app.support.AccordHttpTest;
import org.accord.app.support.GraphQlClient;
import org.junit.jupiter.api.Test;

/**
 * Found by the reliability suite's abuse test: requests that are no GraphQL request at all were answered with Spring's
 * error page (a JSON {@code null} body even with 500, as if Accord had failed), a request without credentials with an
 * empty 401, and a value of the wrong shape with the name of a Java class. Each now gets a classified GraphQL error.
 */
class MalformedRequestsTest extends AccordHttpTest {

    @Test
    void aNullBodyIsTheClientsMistakeNotAServerFailure() throws Exception {
        long before = storedEvents();
        GraphQlClient.Answer answer = new GraphQlClient(port).postRaw("exec", "null", "application/json");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.classifications()).containsExactly("BAD_REQUEST");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonOrHasNoQueryIsABadRequest() throws Exception {
        GraphQlClient client = new GraphQlClient(port);
        for (String body : new String[] {"{ me { id } }", "[{\"query\": \"{ me { id } }\"}]", "{\"variables\": {}}",
                "{\"query\": 42}", ""}) {
            GraphQlClient.Answer answer = client.postRaw("board", body, "application/json");
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.classifications()).as(body).containsExactly("BAD_REQUEST");
        }
    }

    @Test
    void aRequestWithoutValidCredentialsGets401AndAnUnauthorizedError() throws Exception {
        GraphQlClient client = new GraphQlClient(port);
        for (String account : new String[] {null, "exec:wrong"}) {
            GraphQlClient.Answer answer = client.post(account, "{ me { id } }", null);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.classifications()).containsExactly("UNAUTHORIZED");
        }
    }

    @Test
    void aValueOfTheWrongShapeIsDescribedWithoutJavaClassNames() throws Exception {
        GraphQlClient.Answer answer = new GraphQlClient(port).post("exec", "mutation ($n: String!) {"
                + " registerSchool(input: {trustId: \"demo-trust\", name: $n, phase: PRIMARY}) { school { id } } }",
                Map.of("n", Map.of("$ne", "")));
        assertThat(answer.classifications()).containsExactly("BAD_REQUEST");
        assertThat(answer.body()).doesNotContain("LinkedHashMap").contains("but it was an object");
    }

    @Test
    void javaTypeNamesInValidationMessagesBecomeWhatTheClientSent() {
        assertThat(InvalidRequestsAsBadRequest.inClientTerms("Expected a String input, but it was a 'LinkedHashMap'"))
                .isEqualTo("Expected a String input, but it was an object");
        assertThat(InvalidRequestsAsBadRequest.inClientTerms("Expected an ID, but it was a 'ArrayList'"))
                .isEqualTo("Expected an ID, but it was a list");
        assertThat(InvalidRequestsAsBadRequest.inClientTerms("Field 'x' is undefined"))
                .isEqualTo("Field 'x' is undefined");
    }
}
