package org.accord.api.peerreview;

import java.util.List;

public record PeerReviewPage(List<PeerReviewView> peerReviews, List<String> cursors, boolean hasNextPage) {
}
