package org.accord.app.peerreview;

import org.accord.api.peerreview.FindingKind;
import org.accord.api.standard.Area;

public record AddPeerReviewFindingInput(String clientMutationId, String peerReviewId, Area area, FindingKind kind,
                                        String text) {
}
