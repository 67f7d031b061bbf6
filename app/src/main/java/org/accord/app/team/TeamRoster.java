package org.accord.app.team;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.team.DecisionRule;

/**
 * A team as its events say right now: who chairs it, who its members are, how it decides, and the period delegations
 * of its members still in force (not revoked, between members).
 */
public record TeamRoster(String teamId, String trustId, String chairId, List<String> members, DecisionRule rule,
                         List<PeriodDelegation> periodDelegations) {

    public TeamRoster(String teamId, String trustId, String chairId, List<String> members, DecisionRule rule) {
        this(teamId, trustId, chairId, members, rule, List.of());
    }

    public boolean isMember(String personId) {
        return personId != null && members.contains(personId);
    }

    public boolean isChair(String personId) {
        return personId != null && personId.equals(chairId);
    }

    /** The period delegations that cover a proposal whose voting opens on {@code day}. */
    public List<PeriodDelegation> delegationsCovering(LocalDate day) {
        return periodDelegations.stream().filter(d -> d.covers(day)).toList();
    }
}
