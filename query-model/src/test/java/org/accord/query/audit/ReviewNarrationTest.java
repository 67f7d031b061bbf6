package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.accord.api.proposal.ProposalKind;
import org.accord.api.review.ReviewProposalRaisedEvent;
import org.accord.api.review.StandardReaffirmedEvent;
import org.accord.api.standard.Area;
import org.junit.jupiter.api.Test;

/** The decision log's words for a standard's review: what it decided, about which version, and why. */
class ReviewNarrationTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static Narration narrate(Object event) {
        return DecisionNarrator.narrate(event, AT, id -> switch (id) {
            case "s-1" -> new DecisionNarrator.Subject("Phones away in lessons", Area.BEHAVIOUR);
            case "p-2" -> new DecisionNarrator.Subject("Retire phones away", Area.BEHAVIOUR);
            case "team-1" -> new DecisionNarrator.Subject("Behaviour leads", null);
            default -> new DecisionNarrator.Subject(id, null);
        });
    }

    @Test
    void aReaffirmationSaysTheVersionTheDateItWasDueTheNextAndWhy() {
        Narration n = narrate(new StandardReaffirmedEvent("s-1", "t", 2, "Works as written.",
                LocalDate.of(2026, 2, 1), LocalDate.of(2027, 2, 1), "p-exec", AT));
        assertThat(n.summary()).isEqualTo("Standard 'Phones away in lessons' version 2 reviewed and reaffirmed without"
                + " change (review due 2026-02-01); next review by 2027-02-01");
        assertThat(n.rationale()).isEqualTo("Works as written.");
        assertThat(n.subjectType()).isEqualTo("standard");
        assertThat(n.subjectId()).isEqualTo("s-1");
        assertThat(n.area()).isEqualTo(Area.BEHAVIOUR);
    }

    @Test
    void aProposalRaisedFromAReviewNamesTheProposalTheTeamAndItsAim() {
        Narration n = narrate(new ReviewProposalRaisedEvent("s-1", "t", 2, "p-2", "team-1",
                ProposalKind.RETIRE_STANDARD, null, "p-member", AT));
        assertThat(n.summary()).isEqualTo("A review of standard 'Phones away in lessons' version 2 raised proposal"
                + " 'Retire phones away' in team 'Behaviour leads' to retire it");
        assertThat(n.subjectId()).isEqualTo("s-1");
    }
}
