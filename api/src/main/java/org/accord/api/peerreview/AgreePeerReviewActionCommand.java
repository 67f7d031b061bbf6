package org.accord.api.peerreview;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code findingId} optional: the finding the action answers. */
public record AgreePeerReviewActionCommand(@TargetAggregateIdentifier String peerReviewId, String actionId,
                                           String findingId, String action, LocalDate dueBy) {
}
