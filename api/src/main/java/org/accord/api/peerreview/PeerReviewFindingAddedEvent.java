package org.accord.api.peerreview;

import java.time.Instant;

import org.accord.api.standard.Area;

public record PeerReviewFindingAddedEvent(String peerReviewId, String trustId, String findingId, Area area,
                                          FindingKind kind, String text, String addedBy, Instant addedAt) {
}
