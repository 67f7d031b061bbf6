package org.accord.app.peerreview;

public record RaiseRequestFromFindingInput(String clientMutationId, String peerReviewId, String findingId,
                                           String title, String reason, Boolean routeToExecutive) {
}
