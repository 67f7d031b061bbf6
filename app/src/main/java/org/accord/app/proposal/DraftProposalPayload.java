package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;

public record DraftProposalPayload(String clientMutationId, ProposalView proposal) {
}
