package org.accord.api.peerreview;

import java.time.Instant;
import java.time.LocalDate;

public record PeerReviewActionAgreedEvent(String peerReviewId, String trustId, String actionId, String findingId,
                                          String action, LocalDate dueBy, String agreedBy, Instant agreedAt) {
}
