package org.accord.api.peerreview;

import org.accord.api.standard.Area;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddPeerReviewFindingCommand(@TargetAggregateIdentifier String peerReviewId, String findingId,
                                          Area area, FindingKind kind, String text) {
}
