package org.accord.app.graphql;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.accord.api.shared.DomainException;
import org.accord.app.platform.failures.StorageFailure;
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
 * CONFLICT, and UNAVAILABLE when the storage under Accord fails) and a message that names the problem. Anything else
 * stays INTERNAL_ERROR and is logged.
 */
@Component
public class DomainErrorResolver extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(DomainErrorResolver.class);

    /** A refusal as a client should see it. */
    record Refusal(ErrorClassification type, String message) {
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable thrown, DataFetchingEnvironment env) {
        Refusal refusal = refusal(thrown);
        if (refusal != null && refusal.type() == UnavailableErrorType.UNAVAILABLE) {
            log.warn("{} refused: {}", env.getField().getName(), unwrap(thrown).toString());
        }
        if (refusal == null) {
            log.error("unexpected failure in {}", env.getField().getName(), thrown);
            return null;
        }
        return GraphqlErrorBuilder.newError(env).errorType(refusal.type()).message(refusal.message()).build();
    }

    /** The refusal a thrown exception stands for, or null when it is Accord's own failure. */
    static Refusal refusal(Throwable thrown) {
        Throwable ex = unwrap(thrown);
        if (ex instanceof DomainException domain) {
            return new Refusal(classify(domain.kind()), domain.getMessage());
        }
        if (ex instanceof AggregateNotFoundException notFound) {
            return new Refusal(ErrorType.NOT_FOUND, "unknown id '" + notFound.getAggregateIdentifier() + "'");
        }
        if (ex instanceof ConcurrencyException || ex instanceof AggregateStreamCreationException) {
            return new Refusal(ConflictErrorType.CONFLICT,
                    "the record was changed by another request at the same moment; read it again and retry");
        }
        if (ex instanceof AccessDeniedException) {
            return new Refusal(ErrorType.FORBIDDEN, "not allowed");
        }
        if (ex instanceof AuthenticationException) {
            return new Refusal(ErrorType.UNAUTHORIZED, "sign in first");
        }
        return StorageFailure.describe(ex).map(message -> new Refusal(UnavailableErrorType.UNAVAILABLE, message))
                .orElse(null);
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

}
