package org.accord.api.proposal;

import java.time.Instant;
import java.util.List;

import org.accord.api.team.DecisionRule;

/** Fixes, for this proposal, who may vote (the team's members at this moment) and by which rule it is decided. */
public record VotingOpenedEvent(String proposalId, String trustId, String teamId, List<String> eligibleVoters,
                                DecisionRule rule, Instant openedAt, Instant closesAt, String openedBy) {
}
