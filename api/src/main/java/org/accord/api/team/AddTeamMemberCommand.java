package org.accord.api.team;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddTeamMemberCommand(@TargetAggregateIdentifier String teamId, String personId) {
}
