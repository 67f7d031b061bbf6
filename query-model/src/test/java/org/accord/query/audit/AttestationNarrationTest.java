package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.attestation.AttestationRecordedEvent;
import org.accord.api.attestation.QaFindingRecordedEvent;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.junit.jupiter.api.Test;

/** The decision log's words for attestations and QA findings: which school, which standard, never who by name. */
class AttestationNarrationTest {

    private static final Instant AT = Instant.parse("2026-10-05T09:00:00Z");

    private static Narration narrate(Object event) {
        return DecisionNarrator.narrate(event, AT, id -> switch (id) {
            case "school-1" -> new DecisionNarrator.Subject("Oakwood Primary School", null);
            default -> new DecisionNarrator.Subject("Safeguarding concerns are logged the same day",
                    Area.SAFEGUARDING);
        });
    }

    @Test
    void anAttestationSaysWhichSchoolAttestedWhatWithTheStatementAsItsReason() {
        Narration n = narrate(new AttestationRecordedEvent("a-1", "t", "school-1", "std-1", 1,
                AttestationCadence.TERMLY, "All logged on the day.", List.of("Log audit", "policy.pdf"), "p-head",
                AT));
        assertThat(n.summary()).isEqualTo("School 'Oakwood Primary School' attested that it meets 'Safeguarding"
                + " concerns are logged the same day' (version 1, attested termly), with evidence: Log audit;"
                + " policy.pdf");
        assertThat(n.rationale()).isEqualTo("All logged on the day.");
        assertThat(n.subjectType()).isEqualTo("attestation");
        assertThat(n.subjectId()).isEqualTo("a-1");
        assertThat(n.area()).isEqualTo(Area.SAFEGUARDING);
    }

    @Test
    void aFindingSaysWhetherTheVisitConfirmedOrChallengedAndWhatWasAgreed() {
        assertThat(narrate(new QaFindingRecordedEvent("a-1", "t", "school-1", "std-1", 1, QaOutcome.CONFIRMED,
                "Sampled ten", List.of(), null, LocalDate.parse("2026-10-20"), "p-exec", AT)).summary())
                .isEqualTo("A quality-assurance visit on 2026-10-20 confirmed school 'Oakwood Primary School''s"
                        + " attestation of 'Safeguarding concerns are logged the same day'");
        Narration challenged = narrate(new QaFindingRecordedEvent("a-1", "t", "school-1", "std-1", 1,
                QaOutcome.CHALLENGED, "Three on paper", List.of("Log the three", "Train new staff"),
                LocalDate.parse("2026-12-01"), LocalDate.parse("2026-10-20"), "p-exec", AT));
        assertThat(challenged.summary()).isEqualTo("A quality-assurance visit on 2026-10-20 challenged school"
                + " 'Oakwood Primary School''s attestation of 'Safeguarding concerns are logged the same day';"
                + " agreed actions: Log the three; Train new staff; follow-up by 2026-12-01");
        assertThat(challenged.rationale()).isEqualTo("Three on paper");
    }

    @Test
    void aVersionWithACadenceSaysSoAndOneWithoutReadsAsItAlwaysDid() {
        StandardVersionAdoptedEvent old = new StandardVersionAdoptedEvent("std-1", "t", 1, "Log", Area.SAFEGUARDING,
                AlignmentLevel.REQUIRED, "Log it", LocalDate.parse("2026-09-01"), null, "p-1", "p-exec", AT);
        assertThat(narrate(old).summary()).isEqualTo("Standard 'Log' version 1 (REQUIRED) adopted, in force from"
                + " 2026-09-01");
        StandardVersionAdoptedEvent termly = new StandardVersionAdoptedEvent("std-1", "t", 1, "Log",
                Area.SAFEGUARDING, AlignmentLevel.REQUIRED, "Log it", LocalDate.parse("2026-09-01"), null, "p-1",
                "p-exec", AT, null, AttestationCadence.TERMLY);
        assertThat(narrate(termly).summary()).isEqualTo("Standard 'Log' version 1 (REQUIRED) adopted, in force from"
                + " 2026-09-01, attested termly by each school it applies to");
    }
}
