package org.accord.api.peerreview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A finding becomes a school's request for standardisation (in the finding's area), raised under the request's own
 * rules in the same step; {@code reason} defaults to the finding's text.
 */
public record RaiseRequestFromFindingCommand(@TargetAggregateIdentifier String peerReviewId, String findingId,
                                             String requestId, String title, String reason,
                                             boolean routeToExecutive) {
}
