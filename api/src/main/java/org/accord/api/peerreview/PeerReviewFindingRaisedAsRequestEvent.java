package org.accord.api.peerreview;

import java.time.Instant;

public record PeerReviewFindingRaisedAsRequestEvent(String peerReviewId, String trustId, String findingId,
                                                    String requestId, String raisedBy, Instant raisedAt) {
}
