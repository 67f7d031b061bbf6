package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;
import org.accord.api.proposal.VoteDelegationView;
import org.accord.api.team.TeamView;

public record RevokeDelegationPayload(String clientMutationId, VoteDelegationView delegation, ProposalView proposal,
                                      TeamView team) {
}
