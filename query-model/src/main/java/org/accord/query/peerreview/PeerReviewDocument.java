package org.accord.query.peerreview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.peerreview.ActionProgress;
import org.accord.api.peerreview.FindingKind;
import org.accord.api.standard.Area;
import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A peer review as it stands, with its findings and agreed actions (bounded by the review: a visit's worth). Listed a
 * page at a time in the order the trust's reviews were recorded ({@code position}, from 0 per trust). Findings and
 * actions are written whole, rebuilt from the document and the event, and each event's entry is added only if it is
 * not there yet, so a redelivered event changes nothing.
 */
@Lookup(by = "trustId", sortedBy = "position")
@Document("peer_reviews")
public record PeerReviewDocument(@Id String id, String trustId, Long position, String reviewedSchoolId,
                                 String reviewingSchoolId, String reviewingTeamId, List<Area> areas,
                                 LocalDate reviewedOn, String recordedBy, Instant recordedAt, List<Finding> findings,
                                 List<Action> actions) {

    public record Finding(String id, Area area, FindingKind kind, String text, String addedBy, Instant addedAt,
                          String requestId, List<StandardNote> standards) {

        public List<StandardNote> standards() {
            return standards == null ? List.of() : standards;
        }
    }

    public record StandardNote(String standardId, int version, String notedBy, Instant notedAt) {
    }

    public record Action(String id, String findingId, String action, LocalDate dueBy, String agreedBy,
                         Instant agreedAt, List<FollowUp> followUps) {

        public List<FollowUp> followUps() {
            return followUps == null ? List.of() : followUps;
        }

        public ActionProgress progress() {
            return followUps().isEmpty() ? ActionProgress.NOT_STARTED
                    : followUps().get(followUps().size() - 1).progress();
        }
    }

    public record FollowUp(ActionProgress progress, String note, String by, Instant at) {
    }

    public List<Area> areas() {
        return areas == null ? List.of() : areas;
    }

    public List<Finding> findings() {
        return findings == null ? List.of() : findings;
    }

    public List<Action> actions() {
        return actions == null ? List.of() : actions;
    }
}
