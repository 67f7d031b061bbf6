package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * @param clusterId for an area decided at cluster level: the cluster whose lead declines it (null: the whole trust)
 */
public record DeclineAdoptionCommand(@TargetAggregateIdentifier String proposalId, String reason, String clusterId) {

    public DeclineAdoptionCommand(String proposalId, String reason) {
        this(proposalId, reason, null);
    }
}
