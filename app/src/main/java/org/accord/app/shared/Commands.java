package org.accord.app.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The one way the application sends commands: stamped with the acting person, translated into domain errors, and
 * returned only once the read models show the change.
 */
@Component
public class Commands {

    private final CommandGateway gateway;
    private final ProjectionCatchUp catchUp;

    public Commands(CommandGateway gateway, ProjectionCatchUp catchUp) {
        this.gateway = gateway;
        this.catchUp = catchUp;
    }

    public <R> R send(Object command, String actorId) {
        return send(command, actorId, null, null);
    }

    /**
     * Sends a run of commands one after the other and waits for the read models once, at the end: for Accord's
     * own batches (the demo), where nobody reads between the commands.
     */
    public void sendAll(List<?> commands, Function<Object, String> actorOf) {
        for (Object command : commands) {
            dispatch(command, Map.of(Actor.METADATA_KEY, actorOf.apply(command)));
        }
        catchUp.awaitLatest();
    }

    /**
     * As {@link #send(Object, String)}, idempotent per caller and {@code clientMutationId} when one is given: the
     * request it stands for is fingerprinted from the client's input, so reusing a key for another request is
     * refused rather than answered with the first one's result.
     */
    public <R> R send(Object command, String actorId, String clientMutationId, Object input) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put(Actor.METADATA_KEY, actorId);
        if (clientMutationId != null) {
            metadata.put(IdempotentCommandInterceptor.KEY, clientMutationId);
            metadata.put(IdempotentCommandInterceptor.FINGERPRINT, fingerprint(command, input));
        }
        R result = dispatch(command, metadata);
        catchUp.awaitLatest();
        return result;
    }

    private <R> R dispatch(Object command, Map<String, ?> metadata) {
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        } catch (AggregateNotFoundException e) {
            // the same words as a refusal for a trust the caller does not belong to: ids cannot be probed
            throw DomainException.notFound("unknown " + subjectOf(command) + " '" + e.getAggregateIdentifier() + "'");
        }
    }

    private static String fingerprint(Object command, Object input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (command.getClass().getName() + '\n' + input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "trust" for org.accord.api.trust.RegisterSchoolCommand: the feature a command belongs to. */
    static String subjectOf(Object command) {
        String pkg = command.getClass().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }
}
