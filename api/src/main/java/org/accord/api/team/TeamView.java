package org.accord.api.team;

import java.util.List;

import org.accord.api.standard.Area;

public record TeamView(String id, String trustId, String name, List<Area> remit, String chairId,
                       List<String> memberIds, DecisionRule decisionRule) {
}
