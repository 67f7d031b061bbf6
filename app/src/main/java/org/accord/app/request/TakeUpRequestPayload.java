package org.accord.app.request;

import org.accord.api.proposal.ProposalView;
import org.accord.api.request.RequestView;

public record TakeUpRequestPayload(String clientMutationId, RequestView request, ProposalView proposal) {
}
