package org.accord.app.team;

import java.util.List;

import org.accord.api.team.DecisionRule;

/** A team as its events say right now: who chairs it, who its members are, how it decides. */
public record TeamRoster(String teamId, String trustId, String chairId, List<String> members, DecisionRule rule) {

    public boolean isMember(String personId) {
        return personId != null && members.contains(personId);
    }

    public boolean isChair(String personId) {
        return personId != null && personId.equals(chairId);
    }
}
