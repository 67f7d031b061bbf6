package org.accord.app.peerreview;

public record NoteFindingAgainstStandardInput(String clientMutationId, String peerReviewId, String findingId,
                                              String standardId) {
}
