package org.accord.api.peerreview;

public record FindPeerReviewQuery(String peerReviewId) {
}
