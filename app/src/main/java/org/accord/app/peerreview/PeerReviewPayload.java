package org.accord.app.peerreview;

import org.accord.api.peerreview.PeerReviewView;
import org.accord.api.request.RequestView;

/** Every peer review mutation's payload: the review as it stands; {@code request} for a finding raised as one. */
public record PeerReviewPayload(String clientMutationId, PeerReviewView peerReview, RequestView request) {
}
