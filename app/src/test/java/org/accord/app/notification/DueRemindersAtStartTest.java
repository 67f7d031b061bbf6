package org.accord.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.accord.api.attestation.AttestationFallenDue;
import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.app.support.AccordOnAFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What fell due while Accord was down is looked for just after it reports itself ready, not before: readiness does
 * not wait for every trust's compliance view (docs/decisions.md, "Start-up, replay and large answers at 1M events").
 */
@ExtendWith(OutputCaptureExtension.class)
class DueRemindersAtStartTest {

    @TempDir
    Path folder;

    @Test
    void aStartRecordsWhatFellDueInTheBackgroundOnceItIsReadyAndSumsItUpInOneLine(CapturedOutput output)
            throws Exception {
        try (ConfigurableApplicationContext app = AccordOnAFolder.start(folder,
                "--accord.notifications.first-due-check=in-background",
                "--accord.notifications.due-check-interval=1h")) {
            JdbcTemplate events = app.getBean(JdbcTemplate.class);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            long recorded = fellDue(events);
            while (recorded == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                recorded = fellDue(events);
            }
            // the demo's Meadowbank owes its single central record: the look at start found it, not the hourly one
            assertThat(recorded).isPositive();
            while (!output.getOut().contains("what fell due while Accord was down")
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            // one line for the whole look; the dues one by one only at DEBUG
            List<String> lines = output.getOut().lines().filter(line -> line.contains("DueReminders")).toList();
            assertThat(lines).singleElement().asString().contains(" INFO ")
                    .contains("Recorded what fell due while Accord was down: ").contains("attestation")
                    .contains(" owed (by ").contains("of 1 trust)");
            assertThat(output.getOut()).doesNotContain("recorded the attestation");
        }
    }

    @Test
    void theSummaryCountsTheDuesAndEachSchoolTrustAndStandardOnceAndSaysSoWhenThereWasNothing() {
        List<AttestationFallenDue> attestations = List.of(
                new AttestationFallenDue("t1", "s1", "std1", java.time.LocalDate.of(2026, 9, 1)),
                new AttestationFallenDue("t1", "s1", "std2", java.time.LocalDate.of(2026, 9, 1)),
                new AttestationFallenDue("t2", "s2", "std1", java.time.LocalDate.of(2026, 9, 1)));

        assertThat(DueReminders.summary(true, attestations, List.of("std1")))
                .isEqualTo("Recorded what fell due while Accord was down: 3 attestations owed (by 2 schools of"
                        + " 2 trusts) and 1 standard's review (each one is logged at DEBUG)");
        assertThat(DueReminders.summary(false, attestations.subList(0, 1), List.of()))
                .isEqualTo("Recorded what fell due: 1 attestation owed (by 1 school of 1 trust)"
                        + " (each one is logged at DEBUG)");
        assertThat(DueReminders.summary(false, List.of(), List.of("std1", "std2")))
                .isEqualTo("Recorded what fell due: 2 standards' reviews (each one is logged at DEBUG)");
        assertThat(DueReminders.summary(true, List.of(), List.of()))
                .isEqualTo("Looked for what fell due while Accord was down: nothing to record");
    }

    @Test
    void aFirstCheckOtherThanTheTwoThereAreIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AccordOnAFolder.start(folder,
                        "--accord.notifications.first-due-check=sometime"))
                .rootCause().hasMessageContaining("in-background or before-ready, not sometime");
    }

    private static long fellDue(JdbcTemplate events) {
        return events.queryForObject("SELECT count(*) FROM DomainEventEntry WHERE payloadType = ?", Long.class,
                AttestationFellDueEvent.class.getName());
    }
}
