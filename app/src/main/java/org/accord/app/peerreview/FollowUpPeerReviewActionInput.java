package org.accord.app.peerreview;

import org.accord.api.peerreview.ActionProgress;

public record FollowUpPeerReviewActionInput(String clientMutationId, String peerReviewId, String actionId,
                                            ActionProgress progress, String note) {
}
