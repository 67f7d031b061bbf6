package org.accord.api.trust;

import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a person with roles in a trust. The display name travels with the command only so that the handler can
 * write it to the erasable person directory in the same transaction; it never enters an event.
 */
public record RegisterPersonCommand(@TargetAggregateIdentifier String trustId, String personId, String displayName,
                                    Set<PersonRole> roles, String schoolId) {

    @Override
    public String toString() {
        // keeps the name out of logs
        return "RegisterPersonCommand[trustId=" + trustId + ", personId=" + personId + ", roles=" + roles
                + ", schoolId=" + schoolId + "]";
    }
}
