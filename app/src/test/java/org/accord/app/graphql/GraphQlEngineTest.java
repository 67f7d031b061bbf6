package org.accord.app.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.execution.instrumentation.ChainedInstrumentation;
import org.accord.app.support.AccordHttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * How the GraphQL engine is set up for every request: what is asked of it on each field, and what it keeps between
 * requests (docs/decisions.md, sessions 37 and 38).
 */
class GraphQlEngineTest extends AccordHttpTest {

    @Autowired
    GraphQlSource source;

    @Autowired
    ParsedDocuments documents;

    @Autowired
    ApplicationContext context;

    @Test
    void theRequestBoundsAreTheOnlyInstrumentationSoNoFieldIsObservedOnItsWay() {
        // Spring GraphQL hands graphql-java its instrumentations as one chain, even a chain of one
        assertThat(source.graphQl().getInstrumentation()).isInstanceOfSatisfying(ChainedInstrumentation.class,
                chain -> assertThat(chain.getInstrumentations()).singleElement().isInstanceOf(RequestLimits.class));
    }

    @Test
    void noHttpRequestIsTimedInTheEmbeddedModeWhichExposesNoMetrics() {
        assertThat(context.getBeansOfType(FilterRegistrationBean.class).values())
                .noneMatch(registration -> registration.getFilter() instanceof ServerHttpObservationFilter);
        assertThat(context.getBeansOfType(ServerHttpObservationFilter.class)).isEmpty();
    }

    @Test
    void documentsAreKeptParsedBetweenRequests() {
        assertThat(source.graphQl().getPreparsedDocumentProvider()).isSameAs(documents);
    }
}
