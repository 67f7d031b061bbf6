package org.accord.app.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** The same classifications for a subscription that fails, as {@link DomainErrorResolver} gives queries. */
@Component
public class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrorResolver.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable exception) {
        DomainErrorResolver.Refusal refusal = DomainErrorResolver.refusal(exception);
        if (refusal == null) {
            log.error("unexpected failure in a subscription", exception);
            return null;
        }
        return GraphqlErrorBuilder.newError().errorType(refusal.type()).message(refusal.message()).build();
    }
}
