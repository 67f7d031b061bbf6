package org.accord.app.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds on what one request may ask, so that no client (hostile or careless) can make Accord do unbounded work:
 * nesting depth, field count (complexity), aliases and the size of the document. Page sizes are capped where each
 * connection is served. Spring GraphQL picks up Instrumentation beans.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimits {

    @Bean
    Instrumentation maxDepth(@Value("${accord.graphql.max-depth:12}") int depth) {
        return new MaxQueryDepthInstrumentation(depth);
    }

    @Bean
    Instrumentation maxComplexity(@Value("${accord.graphql.max-complexity:500}") int complexity) {
        return new MaxQueryComplexityInstrumentation(complexity);
    }

    @Bean
    Instrumentation maxAliases(@Value("${accord.graphql.max-aliases:30}") int aliases) {
        return new MaxAliasesInstrumentation(aliases);
    }
}
