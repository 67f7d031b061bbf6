package org.accord.app.team;

import java.util.List;

import org.accord.api.standard.Area;

public record FormTeamInput(String clientMutationId, String trustId, String name, List<Area> remit, String chairId,
                            List<String> memberIds, DecisionRuleInput decisionRule) {
}
