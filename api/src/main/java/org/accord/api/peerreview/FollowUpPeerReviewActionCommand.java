package org.accord.api.peerreview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record FollowUpPeerReviewActionCommand(@TargetAggregateIdentifier String peerReviewId, String actionId,
                                              ActionProgress progress, String note) {
}
