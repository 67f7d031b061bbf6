package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;

public record OpenVotingPayload(String clientMutationId, ProposalView proposal) {
}
