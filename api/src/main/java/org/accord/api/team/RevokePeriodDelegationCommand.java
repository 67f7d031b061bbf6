package org.accord.api.team;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokePeriodDelegationCommand(@TargetAggregateIdentifier String teamId, String delegationId) {
}
