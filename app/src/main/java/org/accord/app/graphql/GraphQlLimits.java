package org.accord.app.graphql;

import graphql.execution.instrumentation.Instrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds on what one request may ask, so that no client (hostile or careless) can make Accord do unbounded work:
 * nesting depth, field count (complexity), aliases and the size of the document. Page sizes are capped where each
 * connection is served. Spring GraphQL picks up Instrumentation beans. Beside them, the documents parsed and
 * validated once ({@link ParsedDocuments}), bounded as well.
 */
@Configuration(proxyBeanMethods = false)
public class GraphQlLimits {

    /** One instrumentation for all three bounds ({@link RequestLimits} says why). */
    @Bean
    Instrumentation requestLimits(@Value("${accord.graphql.max-depth:12}") int depth,
                                  @Value("${accord.graphql.max-complexity:500}") int complexity,
                                  @Value("${accord.graphql.max-aliases:30}") int aliases) {
        return new RequestLimits(depth, complexity, aliases);
    }

    /** Documents kept parsed and validated: at most this many characters of their text, all together. */
    @Bean
    ParsedDocuments parsedDocuments(
            @Value("${accord.graphql.parsed-documents-kept-characters:2000000}") long characters) {
        return new ParsedDocuments(characters);
    }

    @Bean
    GraphQlSourceBuilderCustomizer keepParsedDocuments(ParsedDocuments documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }
}
