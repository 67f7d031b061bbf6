package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;

public record ReviseProposalPayload(String clientMutationId, ProposalView proposal) {
}
