package org.accord.app.review;

import org.accord.api.proposal.ProposalView;
import org.accord.api.review.StandardReviewView;
import org.accord.api.standard.StandardView;

public record RaiseReviewProposalPayload(String clientMutationId, StandardView standard, StandardReviewView review,
                                         ProposalView proposal) {
}
