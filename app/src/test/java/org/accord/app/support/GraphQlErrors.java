package org.accord.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.graphql.test.tester.GraphQlTester;

/** Assertions on the one error a refused request answers with. */
public final class GraphQlErrors {

    private GraphQlErrors() {
    }

    public static void expectError(GraphQlTester.Response response, String classification, String messagePart) {
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.get(0).getExtensions()).containsEntry("classification", classification);
            assertThat(errors.get(0).getMessage()).contains(messagePart);
        });
    }
}
