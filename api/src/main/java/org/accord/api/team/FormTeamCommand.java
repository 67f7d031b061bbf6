package org.accord.api.team;

import java.util.List;

import org.accord.api.standard.Area;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FormTeamCommand(@TargetAggregateIdentifier String teamId, String trustId, String name, List<Area> remit,
                              String chairId, List<String> memberIds, DecisionRule decisionRule) {
}
