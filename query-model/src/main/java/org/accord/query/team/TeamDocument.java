package org.accord.query.team;

import java.util.List;

import org.accord.api.standard.Area;
import org.accord.api.team.DecisionRule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A team; its members are bounded by the team (a board, a committee), each added once when they join. */
@Document("teams")
public record TeamDocument(@Id String id, String trustId, String name, List<Area> remit, String chairId,
                           List<String> memberIds, DecisionRule decisionRule) {

    public List<String> memberIds() {
        return memberIds == null ? List.of() : memberIds;
    }
}
