package org.accord.app.shared;

import java.util.Map;

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
        R result;
        try {
            result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(Actor.METADATA_KEY, actorId)));
        } catch (AggregateNotFoundException e) {
            // the same words as a refusal for a trust the caller does not belong to: ids cannot be probed
            throw DomainException.notFound("unknown " + subjectOf(command) + " '" + e.getAggregateIdentifier() + "'");
        }
        catchUp.awaitLatest();
        return result;
    }

    /** "trust" for org.accord.api.trust.RegisterSchoolCommand: the feature a command belongs to. */
    static String subjectOf(Object command) {
        String pkg = command.getClass().getPackageName();
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }
}
