package org.accord.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.ChainedInstrumentation;
import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * How the GraphQL engine is set up for every request: what is asked of it on each field, and what it keeps between
 * requests (docs/decisions.md, session 37).
 */
class GraphQlEngineTest extends AccordHttpTest {

    @Autowired
    GraphQlSource source;

    @Autowired
    ParsedDocuments documents;

    @Test
    void theRequestBoundsAreTheOnlyInstrumentationSoNoFieldIsObservedOnItsWay() {
        // Spring GraphQL hands graphql-java its instrumentations as one chain, even a chain of one
        assertThat(source.graphQl().getInstrumentation()).isInstanceOfSatisfying(ChainedInstrumentation.class,
                chain -> assertThat(chain.getInstrumentations()).singleElement().isInstanceOf(RequestLimits.class));
    }

    @Test
    void documentsAreKeptParsedBetweenRequests() {
        assertThat(source.graphQl().getPreparsedDocumentProvider()).isSameAs(documents);
    }
}
