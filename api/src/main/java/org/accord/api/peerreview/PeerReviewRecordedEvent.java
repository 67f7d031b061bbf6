package org.accord.api.peerreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.Area;

/** One of {@code reviewingSchoolId} and {@code reviewingTeamId} is null. */
public record PeerReviewRecordedEvent(String peerReviewId, String trustId, String reviewedSchoolId,
                                      String reviewingSchoolId, String reviewingTeamId, List<Area> areas,
                                      LocalDate reviewedOn, String recordedBy, Instant recordedAt) {
}
