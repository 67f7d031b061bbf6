package org.accord.app.ledger;

import java.util.Optional;

import org.accord.app.ledger.QuarantinedEvents.QuarantinedEvent;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Stands in front of every projection: an event whose link does not verify ({@link ChainLinkCheck}) is not handed
 * to the projection's handlers, live or on a replay, and is recorded in {@link QuarantinedEvents} instead. The
 * processor's token still moves past it, so the projection goes on with the next event; a rebuild meets it again and
 * skips it again. Registered for every event processor by {@link QuarantineConfiguration}; no feature knows of it.
 */
public class QuarantineInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private final ChainLinkCheck check;
    private final LinkVerdictsAhead ahead;
    private final QuarantinedEvents quarantine;

    /** @param ahead the verdicts the store's reader reached as it read the events, taken instead of checking again */
    public QuarantineInterceptor(ChainLinkCheck check, LinkVerdictsAhead ahead, QuarantinedEvents quarantine) {
        this.check = check;
        this.ahead = ahead;
        this.quarantine = quarantine;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Optional<QuarantinedEvent> refused = ahead.verdictOn(unitOfWork.getMessage(), check);
        if (refused.isPresent()) {
            quarantine.record(refused.get());
            return null;
        }
        return chain.proceed();
    }
}
