package org.accord.api.peerreview;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.Area;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A review between schools: {@code reviewedSchoolId} was reviewed on {@code reviewedOn} in {@code areas} by another
 * school ({@code reviewingSchoolId}) or by a cross-cutting team ({@code reviewingTeamId}), exactly one of the two.
 */
public record RecordPeerReviewCommand(@TargetAggregateIdentifier String peerReviewId, String trustId,
                                      String reviewedSchoolId, String reviewingSchoolId, String reviewingTeamId,
                                      List<Area> areas, LocalDate reviewedOn) {
}
