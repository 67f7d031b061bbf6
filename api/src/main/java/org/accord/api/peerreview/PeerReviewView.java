package org.accord.api.peerreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.Area;

/** A peer review as it stands: its findings and the actions agreed, each action with its follow-ups, oldest first. */
public record PeerReviewView(String id, String trustId, String reviewedSchoolId, String reviewingSchoolId,
                             String reviewingTeamId, List<Area> areas, LocalDate reviewedOn, String recordedBy,
                             Instant recordedAt, List<Finding> findings, List<Action> actions) {

    /** {@code requestId}: the request it was raised as; {@code standards}: the standards it was noted against. */
    public record Finding(String id, Area area, FindingKind kind, String text, String addedBy, Instant addedAt,
                          String requestId, List<StandardNote> standards) {
    }

    public record StandardNote(String standardId, int version, String notedBy, Instant notedAt) {
    }

    /** {@code progress}: the latest follow-up's, NOT_STARTED before any. */
    public record Action(String id, String findingId, String action, LocalDate dueBy, String agreedBy,
                         Instant agreedAt, ActionProgress progress, List<FollowUp> followUps) {
    }

    public record FollowUp(ActionProgress progress, String note, String by, Instant at) {
    }
}
