package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolPhaseChangedEvent;
import org.junit.jupiter.api.Test;

/** The decision log says what a standard applies to when it is not every school, and when a school changes phase. */
class DecisionNarratorApplicabilityTest {

    private static final Instant AT = Instant.parse("2027-01-04T09:00:00Z");

    @Test
    void anAdoptionForSomePhasesSaysWhichAndOneForEverySchoolReadsAsItAlwaysDid() {
        assertThat(narrate(adopted(Applicability.phases(SchoolPhase.PRIMARY, SchoolPhase.ALL_THROUGH))))
                .isEqualTo("Standard 'History' version 1 (ADAPTABLE) adopted, in force from 2027-02-01, applying to"
                        + " PRIMARY and ALL_THROUGH schools");
        assertThat(narrate(adopted(null)))
                .isEqualTo("Standard 'History' version 1 (ADAPTABLE) adopted, in force from 2027-02-01");
        assertThat(narrate(adopted(Applicability.EVERY_SCHOOL)))
                .isEqualTo("Standard 'History' version 1 (ADAPTABLE) adopted, in force from 2027-02-01");
    }

    @Test
    void aDraftNamingSchoolsSaysHowManyWithoutNamingThemById() {
        ProposalContent content = new ProposalContent("Forest school", Area.CURRICULUM, AlignmentLevel.GUIDANCE,
                "Outdoors weekly.", null, null, null,
                new Applicability(List.of(SchoolPhase.PRIMARY), List.of(), List.of("school-a", "school-b")));
        assertThat(narrate(new ProposalDraftedEvent("p-1", "trust-1", "team-1", ProposalKind.NEW_STANDARD, null, null,
                content, "person-1", AT)))
                .isEqualTo("Proposal 'Forest school' drafted (NEW_STANDARD), applying to PRIMARY schools in 2 named"
                        + " schools");
    }

    @Test
    void aPhaseChangeSaysFromWhenAndWhatFollows() {
        Narration narration = DecisionNarrator.narrate(new SchoolPhaseChangedEvent("trust-1", "school-birch",
                SchoolPhase.ALL_THROUGH, SchoolPhase.SECONDARY, LocalDate.parse("2027-09-01"), "A primary phase",
                "person-exec", AT), AT, id -> new DecisionNarrator.Subject("Birch Academy", null));
        assertThat(narration.summary()).isEqualTo("School 'Birch Academy' is ALL_THROUGH from 2027-09-01 (was"
                + " SECONDARY): the standards for ALL_THROUGH schools apply to it from then");
        assertThat(narration.rationale()).isEqualTo("A primary phase");
    }

    private static String narrate(Object event) {
        return DecisionNarrator.narrate(event, AT, id -> new DecisionNarrator.Subject(id, null)).summary();
    }

    private static StandardVersionAdoptedEvent adopted(Applicability applicability) {
        return new StandardVersionAdoptedEvent("std-1", "trust-1", 1, "History", Area.CURRICULUM,
                AlignmentLevel.ADAPTABLE, "Chronological.", LocalDate.parse("2027-02-01"), null, "p-1", "person-exec",
                AT, applicability);
    }
}
