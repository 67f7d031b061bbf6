package org.accord.api.peerreview;

/** A page of a trust's peer reviews, oldest first; {@code schoolId} given: those the school reviewed or was reviewed in. */
public record FindPeerReviewsQuery(String trustId, String schoolId, int first, String after) {
}
