package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;

public record CloseVotingPayload(String clientMutationId, ProposalView proposal) {
}
