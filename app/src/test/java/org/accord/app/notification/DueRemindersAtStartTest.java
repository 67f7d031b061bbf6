package org.accord.app.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.app.support.AccordOnAFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What fell due while Accord was down is looked for just after it reports itself ready, not before: readiness does
 * not wait for every trust's compliance view (docs/decisions.md, "Start-up, replay and large answers at 1M events").
 */
class DueRemindersAtStartTest {

    @TempDir
    Path folder;

    @Test
    void aStartRecordsWhatFellDueInTheBackgroundOnceItIsReady() throws Exception {
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
        }
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
