package org.accord.app.graphql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A document that does not fit the schema (an unknown enum value such as a phase that does not exist, a missing
 * required field, a syntax error) or asks for more than the limits allow is the client's mistake: graphql-java calls
 * it ValidationError, InvalidSyntax or ExecutionAborted; the contract calls it BAD_REQUEST. The message, which names
 * the problem, is kept.
 */
@Component
public class InvalidRequestsAsBadRequest implements WebGraphQlInterceptor {

    private static final Pattern JAVA_TYPE = Pattern.compile("but it was an? '([A-Za-z0-9_$.]+)'");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            if (response.getErrors().stream().noneMatch(InvalidRequestsAsBadRequest::isInvalidRequest)) {
                return response;
            }
            List<GraphQLError> errors = response.getErrors().stream().map(InvalidRequestsAsBadRequest::reclassify)
                    .toList();
            return response.transform(builder -> builder.errors(errors));
        });
    }

    private static boolean isInvalidRequest(ResponseError error) {
        ErrorClassification type = error.getErrorType();
        return type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax
                || type == ErrorType.ExecutionAborted;
    }

    /** "but it was a 'LinkedHashMap'": graphql-java names the Java class a value was read into; say what it was. */
    static String inClientTerms(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = JAVA_TYPE.matcher(message);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String type = m.group(1);
            String said = type.endsWith("Map") ? "an object" : type.endsWith("List") || type.endsWith("Set")
                    || type.endsWith("Collection") ? "a list" : type.equals("String") ? "a string"
                    : type.equals("Boolean") ? "a boolean" : "a number";
            m.appendReplacement(result, Matcher.quoteReplacement("but it was " + said));
        }
        m.appendTail(result);
        return result.toString();
    }

    private static GraphQLError reclassify(ResponseError error) {
        ErrorClassification type = isInvalidRequest(error)
                ? org.springframework.graphql.execution.ErrorType.BAD_REQUEST : error.getErrorType();
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
                .message(inClientTerms(error.getMessage()))
                .errorType(type)
                .locations(error.getLocations())
                .extensions(error.getExtensions());
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
