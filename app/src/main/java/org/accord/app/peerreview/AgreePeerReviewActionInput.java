package org.accord.app.peerreview;

import java.time.LocalDate;

public record AgreePeerReviewActionInput(String clientMutationId, String peerReviewId, String findingId,
                                         String action, LocalDate dueBy) {
}
