package org.accord.app.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.accord.api.attestation.AttestationFallenDue;
import org.accord.api.attestation.FindAttestationsFallenDueQuery;
import org.accord.api.attestation.RecordAttestationDueCommand;
import org.accord.api.review.FindReviewsFallenDueQuery;
import org.accord.api.review.NoticeReviewDueCommand;
import org.accord.app.shared.Commands;
import org.accord.app.shared.OnTime;
import org.accord.app.shared.Queries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records, as Accord itself, what falls due by the calendar per trust, the way {@link VotingReminders} records a
 * vote's reminder: each school × standard whose attestation falls due in today's period, and each standard whose
 * review date came within the review window. What is owed is read from the read models (the compliance view and the
 * reviews list, projected from the events), so a period that began or a window that opened while Accord was down is
 * recorded at the next start, and a restart never forgets or repeats one: the due's aggregate (one per school ×
 * standard × period) and the standard (once per review date) refuse a second record.
 *
 * <p>Both are looked at every minute by default, not every second like the votes' deadlines, since the compliance
 * view is a computation per trust. Not less often: an attestation can fall due at any moment of a day, not only when
 * the date changes (a school registered, or a standard with a cadence coming into force for it, owes today's period
 * at once), and a review when a reaffirmation sets a date within the window.
 */
@Component
class DueReminders {

    private static final Logger log = LoggerFactory.getLogger(DueReminders.class);

    private final Queries queries;
    private final Commands commands;
    private final TaskScheduler scheduler;
    private final boolean recordDues;
    private final boolean beforeReady;

    /**
     * @param recordDues  false for an instance that must write nothing of its own (a copy of a store started to check
     *                    a rebuild against it): it then records no due; true, the default, everywhere else
     * @param firstCheck  {@code in-background} (the default): the check at start runs on the scheduler's thread, so
     *                    Accord is ready without waiting for it; {@code before-ready}: readiness waits for it (the
     *                    tests that share one demo app and count its events)
     */
    DueReminders(Queries queries, Commands commands, TaskScheduler scheduler,
                 @Value("${accord.notifications.record-dues:true}") boolean recordDues,
                 @Value("${accord.notifications.first-due-check:in-background}") String firstCheck) {
        this.queries = queries;
        this.commands = commands;
        this.scheduler = scheduler;
        this.recordDues = recordDues;
        if (!firstCheck.equals("in-background") && !firstCheck.equals("before-ready")) {
            throw new IllegalArgumentException("accord.notifications.first-due-check is in-background or"
                    + " before-ready, not " + firstCheck);
        }
        this.beforeReady = firstCheck.equals("before-ready");
    }

    /**
     * What fell due while Accord was down. In the background by default: at 1M events the first look at every
     * trust's compliance view (decoding its rows for the first time) held readiness back by about 5 s of a 10 s start
     * (docs/benchmarks.md, run 17), and nothing a client asks for needs it first.
     */
    @EventListener(ApplicationReadyEvent.class)
    void recordWhatFellDueWhileDown() {
        if (beforeReady) {
            recordDue();
        } else {
            scheduler.schedule(this::recordDue, Instant.now());
        }
    }

    @Scheduled(fixedDelayString = "${accord.notifications.due-check-interval:60s}",
            initialDelayString = "${accord.notifications.due-check-interval:60s}")
    void recordDue() {
        if (!recordDues) {
            return;
        }
        // each part as if on its own: a failure to read the one (logged by the scheduler) does not skip the other
        try {
            recordAttestationsDue();
        } finally {
            recordReviewsDue();
        }
    }

    private void recordAttestationsDue() {
        Instant now = Instant.now();
        OnTime.record(commands, queries.list(new FindAttestationsFallenDueQuery(LocalDate.ofInstant(now,
                        ZoneOffset.UTC), now), AttestationFallenDue.class),
                d -> new RecordAttestationDueCommand(d.trustId(), d.schoolId(), d.standardId(), d.periodStart()),
                d -> "the attestation school " + d.schoolId() + " owes of standard " + d.standardId()
                        + " for the period from " + d.periodStart(), log);
    }

    private void recordReviewsDue() {
        OnTime.record(commands, queries.list(new FindReviewsFallenDueQuery(LocalDate.now(ZoneOffset.UTC)),
                String.class), NoticeReviewDueCommand::new, id -> "the review due of standard " + id, log);
    }
}
