package org.accord.app.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
 *
 * <p>Each look sums up what it recorded in one INFO line (the look at start always, even when it found nothing, so an
 * operator sees that it ran; the later ones only when they recorded something); the dues one by one are at DEBUG,
 * since after a few days down a start can record hundreds of them, all just after "Accord is ready".
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
            look(true);
        } else {
            scheduler.schedule(() -> look(true), Instant.now());
        }
    }

    @Scheduled(fixedDelayString = "${accord.notifications.due-check-interval:60s}",
            initialDelayString = "${accord.notifications.due-check-interval:60s}")
    void recordDue() {
        look(false);
    }

    private void look(boolean atStart) {
        if (!recordDues) {
            return;
        }
        List<AttestationFallenDue> attestations = new ArrayList<>();
        List<String> reviews = new ArrayList<>();
        // each part as if on its own: a failure to read the one (logged by the scheduler) does not skip the other,
        // and what was recorded before it is still summed up
        try {
            recordAttestationsDue(attestations::add);
        } finally {
            try {
                recordReviewsDue(reviews::add);
            } finally {
                if (atStart || !attestations.isEmpty() || !reviews.isEmpty()) {
                    log.info(summary(atStart, attestations, reviews));
                }
            }
        }
    }

    /**
     * "Recorded what fell due while Accord was down: 3 attestations owed (by 2 schools of 1 trust) and 1 standard's
     * review" (the schools and trusts each counted once).
     */
    static String summary(boolean atStart, List<AttestationFallenDue> attestations, List<String> reviews) {
        String when = atStart ? " while Accord was down" : "";
        if (attestations.isEmpty() && reviews.isEmpty()) {
            return "Looked for what fell due" + when + ": nothing to record";
        }
        List<String> parts = new ArrayList<>();
        if (!attestations.isEmpty()) {
            parts.add(count(attestations.size(), "attestation", "attestations") + " owed (by "
                    + count(attestations.stream().map(AttestationFallenDue::schoolId).distinct().count(),
                    "school", "schools") + " of "
                    + count(attestations.stream().map(AttestationFallenDue::trustId).distinct().count(),
                    "trust", "trusts") + ")");
        }
        if (!reviews.isEmpty()) {
            parts.add(count(reviews.stream().distinct().count(), "standard's review", "standards' reviews"));
        }
        return "Recorded what fell due" + when + ": " + String.join(" and ", parts)
                + " (each one is logged at DEBUG)";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private void recordAttestationsDue(Consumer<AttestationFallenDue> recorded) {
        Instant now = Instant.now();
        OnTime.recordEach(commands, queries.list(new FindAttestationsFallenDueQuery(LocalDate.ofInstant(now,
                        ZoneOffset.UTC), now), AttestationFallenDue.class),
                d -> new RecordAttestationDueCommand(d.trustId(), d.schoolId(), d.standardId(), d.periodStart()),
                d -> "the attestation school " + d.schoolId() + " owes of standard " + d.standardId()
                        + " for the period from " + d.periodStart(), log, recorded);
    }

    private void recordReviewsDue(Consumer<String> recorded) {
        OnTime.recordEach(commands, queries.list(new FindReviewsFallenDueQuery(LocalDate.now(ZoneOffset.UTC)),
                String.class), NoticeReviewDueCommand::new, id -> "the review due of standard " + id, log, recorded);
    }
}
