package org.accord.api.peerreview;

import java.time.Instant;

public record PeerReviewActionFollowedUpEvent(String peerReviewId, String trustId, String actionId,
                                              ActionProgress progress, String note, String followedUpBy,
                                              Instant followedUpAt) {
}
