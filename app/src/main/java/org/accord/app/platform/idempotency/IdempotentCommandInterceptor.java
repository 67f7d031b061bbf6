package org.accord.app.platform.idempotency;

import java.util.Optional;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * A command that carries a {@code clientMutationId} is handled once per caller and key: a retry returns what the
 * first one returned and records nothing, and a key reused for another request is refused. It runs inside the
 * command's unit of work (Axon attaches the transaction before the interceptors), so the store can tie the key to
 * the command's events: how it does so is each runtime's business ({@link IdempotencyStore}).
 */
@Component
public class IdempotentCommandInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    public static final String KEY = "clientMutationId";
    public static final String FINGERPRINT = "requestFingerprint";

    private final IdempotencyStore store;

    public IdempotentCommandInterceptor(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Object key = command.getMetaData().get(KEY);
        if (key == null) {
            return chain.proceed();
        }
        String actorId = String.valueOf(command.getMetaData().get(Actor.METADATA_KEY));
        String fingerprint = String.valueOf(command.getMetaData().get(FINGERPRINT));
        Optional<IdempotencyStore.Entry> earlier = store.findOrHold(actorId, key.toString(), fingerprint);
        if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
                throw DomainException.badRequest("clientMutationId '" + key
                        + "' was already used for a different request");
            }
            return earlier.get().result();
        }
        Object result = chain.proceed();
        store.complete(actorId, key.toString(), fingerprint, result == null ? null : result.toString());
        return result;
    }
}
