package org.accord.api.peerreview;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The finding bears on a standard of the backbone: noted against its current version. */
public record NoteFindingAgainstStandardCommand(@TargetAggregateIdentifier String peerReviewId, String findingId,
                                                String standardId) {
}
