package org.accord.app.peerreview;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.Area;

public record RecordPeerReviewInput(String clientMutationId, String trustId, String reviewedSchoolId,
                                    String reviewingSchoolId, String reviewingTeamId, List<Area> areas,
                                    LocalDate reviewedOn) {
}
