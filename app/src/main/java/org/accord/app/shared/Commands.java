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
import org.accord.app.platform.failures.StorageFailure;
import org.accord.app.platform.failures.Unavailable;
import org.accord.app.platform.idempotency.IdempotentCommandInterceptor;
import org.accord.app.platform.readyourwrites.ProjectionCatchUp;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one way the application sends commands: stamped with the acting person, translated into domain errors, and
 * returned only once the read models show the change.
 */
@Component
public class Commands {

    private static final Logger log = LoggerFactory.getLogger(Commands.class);

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
        awaitReadModels(clientMutationId);
        return result;
    }

    private <R> R dispatch(Object command, Map<String, ?> metadata) {
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        } catch (CommandExecutionException failed) {
            // a refusal, from this node or (through Axon Server) another one: RefusalsCrossTheBus said what it is
            throw RefusalsCrossTheBus.carriedBy(failed).orElseThrow(() -> unavailableOr(failed));
        } catch (RuntimeException failed) {
            throw unavailableOr(failed);
        }
    }

    /**
     * A failure of the event store's connection or disk as UNAVAILABLE, in words; anything else unchanged. The client
     * is told what it means; the log says what the store said (the client's words name no SQLite or Axon code).
     */
    private static RuntimeException unavailableOr(RuntimeException failed) {
        return StorageFailure.describe(failed).<RuntimeException>map(words -> {
            StorageFailure.logRefused(log, "A command", failed);
            return new Unavailable(words);
        }).orElse(failed);
    }

    /**
     * Read-your-writes: the change is recorded, and the client's next query must see it. When the projections do not
     * show it in time (the event store's stream interrupted, a rebuild under way) the answer says so instead of
     * building a payload from read models that do not hold the change yet.
     */
    private void awaitReadModels(String clientMutationId) {
        boolean caughtUp;
        try {
            caughtUp = catchUp.awaitLatest();
        } catch (RuntimeException failed) {
            // the change is recorded by now: whatever stops the wait (the event store not telling its head during an
            // outage: a bare EventStoreException, found by RealAxonServerIT) is the read models' availability, never
            // the client's error
            throw new Unavailable("The change was recorded, but Accord cannot confirm that the read models show it"
                    + " (" + StorageFailure.describe(failed).orElse("the event store did not tell its newest"
                    + " position") + "). " + (clientMutationId == null
                    ? "Do not send it again (it had no clientMutationId): query it again shortly."
                    : "Send the mutation again, with the same clientMutationId, shortly: that records nothing new"
                    + " and returns its result."));
        }
        if (!caughtUp && catchUp.failure().isPresent()) {
            Throwable why = catchUp.failure().get();
            boolean full = StorageFailure.describe(why).filter(m -> m.contains("disk is full")).isPresent();
            throw new Unavailable("The change was recorded, but the read models are not available to show it: "
                    + (full ? "the disk is full, so they cannot be written." : "a projection is failing and retrying ("
                    + why.getMessage() + ").") + (clientMutationId == null
                    ? " Do not send it again (it had no clientMutationId): query it again once they are back."
                    : " Send the mutation again, with the same clientMutationId, " + (full ? "once space has been"
                    + " freed" : "shortly") + ": that records nothing new and returns its result."));
        }
        if (!caughtUp) {
            throw new Unavailable("The change was recorded, but the read models have not caught up with it yet, so"
                    + " its result cannot be shown. " + (clientMutationId == null
                    ? "Do not send it again (it had no clientMutationId): query it again shortly."
                    : "Send the mutation again, with the same clientMutationId, shortly: that records nothing new"
                    + " and returns its result."));
        }
    }

    /**
     * Waits until the read models hold every change recorded so far (or the read-your-writes timeout passes): for
     * work that reads them to decide what to send next, as the demo's requests are routed by the teams' remits.
     *
     * @return whether they caught up in time
     */
    public boolean awaitReadModels() {
        return catchUp.awaitLatest();
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
