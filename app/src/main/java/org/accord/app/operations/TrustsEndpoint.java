package org.accord.app.operations;

import java.util.Map;
import java.util.regex.Pattern;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.RegisterTrustCommand;
import org.accord.api.trust.TrustView;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Queries;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.stereotype.Component;

/**
 * {@code POST /actuator/trusts} registers a trust and its first trust executive: how an operator brings a new trust
 * in (no role in the API is above a trust, so no mutation can). The ids are the operator's to choose, because the
 * identity provider's tokens name them ({@code accord.security.jwt.*}). Operators only (SecurityConfiguration).
 */
@Component
@Endpoint(id = "trusts")
public class TrustsEndpoint {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:@-]{0,127}");

    private final Commands commands;
    private final Queries queries;

    public TrustsEndpoint(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * 201 when registered; 400 for a missing or malformed field; 409 when the trust already exists, or when any trust
     * already has a person with the executive's id (person ids are unique across trusts, ignoring case).
     */
    @WriteOperation
    public WebEndpointResponse<Object> register(String trustId, String name, String executiveId,
                                                String executiveName) {
        String problem = problemWith(trustId, name, executiveId, executiveName);
        if (problem != null) {
            return new WebEndpointResponse<>(Map.of("error", problem), 400);
        }
        if (queries.one(new FindTrustQuery(trustId), TrustView.class) != null) {
            return new WebEndpointResponse<>(Map.of("error", "trust '" + trustId + "' already exists"), 409);
        }
        try {
            // one command: an executive id that another trust holds refuses the trust as well (409), so a refused
            // request leaves nothing behind and can be sent again with another executive id
            commands.send(new RegisterTrustCommand(trustId, name.strip(), executiveId, executiveName.strip()),
                    Actor.SYSTEM);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause instanceof CommandExecutionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException) {
                // registered by a racing request a moment ago
                return new WebEndpointResponse<>(Map.of("error", "trust '" + trustId + "' already exists"), 409);
            }
            if (cause instanceof DomainException refused) {
                return new WebEndpointResponse<>(Map.of("error", refused.getMessage()),
                        refused.kind() == DomainException.Kind.CONFLICT ? 409 : 400);
            }
            throw e;
        }
        return new WebEndpointResponse<>(Map.of("trustId", trustId, "executiveId", executiveId), 201);
    }

    private static String problemWith(String trustId, String name, String executiveId, String executiveName) {
        if (trustId == null || !ID.matcher(trustId).matches()) {
            return "trustId is required: 1 to 128 letters, digits or _ . : @ -, starting with a letter or digit";
        }
        if (executiveId == null || !ID.matcher(executiveId).matches()) {
            return "executiveId is required (the person id the identity provider puts in its tokens): 1 to 128"
                    + " letters, digits or _ . : @ -";
        }
        if (name == null || name.isBlank()) {
            return "name (the trust's name) is required";
        }
        if (executiveName == null || executiveName.isBlank()) {
            return "executiveName (the executive's display name) is required";
        }
        return null;
    }
}
