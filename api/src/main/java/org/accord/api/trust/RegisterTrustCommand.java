package org.accord.api.trust;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a trust, and, when {@code executiveId} is given, its first trust executive in the same unit of work: an
 * operator's bootstrap either registers both or neither (a trust without an executive could never be used, nor
 * registered again). The executive's name travels only to the person directory, never into an event.
 */
public record RegisterTrustCommand(@TargetAggregateIdentifier String trustId, String name, String executiveId,
                                   String executiveName) {

    /** A trust whose people are registered by later commands. */
    public RegisterTrustCommand(String trustId, String name) {
        this(trustId, name, null, null);
    }

    @Override
    public String toString() {
        // keeps the executive's name out of logs
        return "RegisterTrustCommand[trustId=" + trustId + ", name=" + name + ", executiveId=" + executiveId + "]";
    }
}
