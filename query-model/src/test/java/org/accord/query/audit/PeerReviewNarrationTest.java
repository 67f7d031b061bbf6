package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.peerreview.ActionProgress;
import org.accord.api.peerreview.FindingKind;
import org.accord.api.peerreview.PeerReviewActionAgreedEvent;
import org.accord.api.peerreview.PeerReviewActionFollowedUpEvent;
import org.accord.api.peerreview.PeerReviewFindingAddedEvent;
import org.accord.api.peerreview.PeerReviewRecordedEvent;
import org.accord.api.standard.Area;
import org.junit.jupiter.api.Test;

/** The whole trust reads the log: it says a peer review happened and how it moved on, never what was found. */
class PeerReviewNarrationTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static Narration narrate(Object event) {
        return DecisionNarrator.narrate(event, AT, id -> switch (id) {
            case "school-a" -> new DecisionNarrator.Subject("Oakwood Primary School", null);
            case "school-b" -> new DecisionNarrator.Subject("Riverside Academy", null);
            case "team-1" -> new DecisionNarrator.Subject("SENDCos", null);
            case "r-1" -> new DecisionNarrator.Subject("the peer review of 'Riverside Academy' on 2026-02-24", null);
            default -> new DecisionNarrator.Subject(id, null);
        });
    }

    @Test
    void aReviewIsToldWithItsSchoolsDateAndAreas() {
        Narration n = narrate(new PeerReviewRecordedEvent("r-1", "t", "school-b", "school-a", null,
                List.of(Area.SEND, Area.CURRICULUM), LocalDate.of(2026, 2, 24), "p-head", AT));
        assertThat(n.summary()).isEqualTo("School 'Riverside Academy' was peer-reviewed by school 'Oakwood Primary"
                + " School' on 2026-02-24 (SEND, CURRICULUM)");
        assertThat(n.subjectType()).isEqualTo("peerReview");
        assertThat(n.title()).isEqualTo("the peer review of 'Riverside Academy' on 2026-02-24");
        assertThat(narrate(new PeerReviewRecordedEvent("r-2", "t", "school-b", null, "team-1", List.of(Area.SEND),
                LocalDate.of(2026, 2, 24), "p-sendco", AT)).summary()).contains("peer-reviewed by team 'SENDCos'");
    }

    @Test
    void findingsAndActionsAreToldWithoutTheirWords() {
        Narration found = narrate(new PeerReviewFindingAddedEvent("r-1", "t", "f-1", Area.SEND,
                FindingKind.AREA_FOR_DEVELOPMENT, "Passports are not shared with cover staff.", "p-staff", AT));
        assertThat(found.summary()).isEqualTo("A finding (AREA_FOR_DEVELOPMENT) was recorded in the peer review of"
                + " 'Riverside Academy' on 2026-02-24");
        assertThat(found.rationale()).isNull();
        Narration agreed = narrate(new PeerReviewActionAgreedEvent("r-1", "t", "a-1", "f-1", "Share the passports.",
                LocalDate.of(2026, 4, 30), "p-head", AT));
        assertThat(agreed.summary()).doesNotContain("Share").endsWith("due by 2026-04-30");
        Narration followed = narrate(new PeerReviewActionFollowedUpEvent("r-1", "t", "a-1", ActionProgress.COMPLETED,
                "Done in March.", "p-head", AT));
        assertThat(followed.summary()).doesNotContain("March").endsWith("followed up: COMPLETED");
        assertThat(followed.rationale()).isNull();
    }
}
