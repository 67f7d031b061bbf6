package org.accord.api.peerreview;

import java.time.Instant;

public record PeerReviewFindingNotedAgainstStandardEvent(String peerReviewId, String trustId, String findingId,
                                                         String standardId, int version, String notedBy,
                                                         Instant notedAt) {
}
