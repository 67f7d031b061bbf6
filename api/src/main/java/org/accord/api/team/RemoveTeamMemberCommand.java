package org.accord.api.team;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveTeamMemberCommand(@TargetAggregateIdentifier String teamId, String personId) {
}
