package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;

public record DeclineAdoptionPayload(String clientMutationId, ProposalView proposal) {
}
