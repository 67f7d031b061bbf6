package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;

public record RecusePayload(String clientMutationId, ProposalView proposal) {
}
