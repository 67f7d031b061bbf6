package org.accord.app.graphql;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.accord.api.shared.DomainException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Gives every refusal a classification a client can act on (BAD_REQUEST, NOT_FOUND, FORBIDDEN, UNAUTHORIZED,
 * CONFLICT) and a message that names the problem. Anything else stays INTERNAL_ERROR and is logged.
 */
@Component
public class DomainErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(DomainErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
        Throwable ex = unwrap(thrown);
        if (ex instanceof DomainException domain) {
            return error(env, classify(domain.kind()), domain.getMessage());
        }
        if (ex instanceof AggregateNotFoundException notFound) {
            return error(env, ErrorType.NOT_FOUND, "unknown id '" + notFound.getAggregateIdentifier() + "'");
        }
        if (ex instanceof ConcurrencyException || ex instanceof AggregateStreamCreationException) {
            return error(env, ConflictErrorType.CONFLICT,
                    "the record was changed by another request at the same moment; read it again and retry");
        }
        if (ex instanceof AccessDeniedException) {
            return error(env, ErrorType.FORBIDDEN, "not allowed");
        }
        if (ex instanceof AuthenticationException) {
            return error(env, ErrorType.UNAUTHORIZED, "sign in first");
        }
        log.error("unexpected failure in {}", env.getField().getName(), ex);
        return null;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable ex = thrown;
        while ((ex instanceof CompletionException || ex instanceof ExecutionException
                || ex instanceof CommandExecutionException) && ex.getCause() != null) {
            ex = ex.getCause();
        }
        return ex;
    }

    private static ErrorClassification classify(DomainException.Kind kind) {
        return switch (kind) {
            case BAD_REQUEST -> ErrorType.BAD_REQUEST;
            case NOT_FOUND -> ErrorType.NOT_FOUND;
            case FORBIDDEN -> ErrorType.FORBIDDEN;
            case CONFLICT -> ConflictErrorType.CONFLICT;
        };
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorClassification type, String message) {
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).build();
    }
}
