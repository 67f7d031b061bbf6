package org.accord.app.shared;

import java.util.Optional;

import org.accord.api.shared.DomainException;
import org.accord.app.platform.failures.StorageFailure;
import org.accord.app.platform.failures.Unavailable;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The outermost interceptor of every command handler: a refusal leaves the handler as a
 * {@link CommandExecutionException} whose details ({@link CommandRefusal}) say its kind and words. Axon Server passes
 * an exception to the node that sent the command as an error code and text only, so without this every refusal
 * arrived there as an unknown failure (INTERNAL_ERROR); locally the exception's cause is kept as well.
 * {@link Commands} turns the details back into the refusal on the sending side.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RefusalsCrossTheBus implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final Logger log = LoggerFactory.getLogger(RefusalsCrossTheBus.class);

    static final String CHANGED_AT_THE_SAME_MOMENT =
            "the record was changed by another request at the same moment; read it again and retry";

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (DomainException refused) {
            throw refusal(refused.kind().name(), refused.getMessage(), refused);
        } catch (AggregateNotFoundException unknown) {
            // the same words as a refusal for a trust the caller does not belong to: ids cannot be probed
            throw refusal(DomainException.Kind.NOT_FOUND.name(), "unknown "
                    + Commands.subjectOf(unitOfWork.getMessage().getPayload()) + " '"
                    + unknown.getAggregateIdentifier() + "'", unknown);
        } catch (ConcurrencyException | AggregateStreamCreationException raced) {
            throw refusal(DomainException.Kind.CONFLICT.name(), CHANGED_AT_THE_SAME_MOMENT, raced);
        } catch (Exception failure) {
            Optional<String> unavailable = StorageFailure.describe(failure);
            if (unavailable.isPresent()) {
                StorageFailure.logRefused(log, unitOfWork.getMessage().getPayloadType().getSimpleName(), failure);
                throw refusal(CommandRefusal.UNAVAILABLE, unavailable.get(), failure);
            }
            throw failure;
        }
    }

    private static CommandExecutionException refusal(String kind, String message, Throwable cause) {
        return new CommandExecutionException(message, cause, new CommandRefusal(kind, message));
    }

    /** The refusal a command's failure carries, as the exception a client's request should end with. */
    static Optional<RuntimeException> carriedBy(CommandExecutionException failure) {
        return failure.getDetails().filter(CommandRefusal.class::isInstance).map(CommandRefusal.class::cast)
                .map(refusal -> CommandRefusal.UNAVAILABLE.equals(refusal.kind())
                        ? new Unavailable(refusal.message())
                        : new DomainException(DomainException.Kind.valueOf(refusal.kind()), refusal.message()));
    }
}
