package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;

public record CastVotePayload(String clientMutationId, ProposalView proposal) {
}
