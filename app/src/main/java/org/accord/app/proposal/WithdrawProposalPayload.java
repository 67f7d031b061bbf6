package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;

public record WithdrawProposalPayload(String clientMutationId, ProposalView proposal) {
}
