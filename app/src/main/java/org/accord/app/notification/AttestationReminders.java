package org.accord.app.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.accord.api.attestation.AttestationFallenDue;
import org.accord.api.attestation.FindAttestationsFallenDueQuery;
import org.accord.api.attestation.RecordAttestationDueCommand;
import org.accord.app.shared.Commands;
import org.accord.app.shared.OnTime;
import org.accord.app.shared.Queries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records, as Accord itself, each school × standard whose attestation falls due in today's period, the way
 * {@link VotingReminders} records a vote's reminder: what is owed is read from the read models (the compliance view,
 * projected from the events), so a period that began while Accord was down is recorded at the next start, and a
 * restart never forgets or repeats one (the due's own aggregate, one per school × standard × period, refuses a
 * second). The compliance view is a computation per trust, so it is looked at every minute by default, not every
 * second like the votes' deadlines.
 */
@Component
class AttestationReminders {

    private static final Logger log = LoggerFactory.getLogger(AttestationReminders.class);

    private final Queries queries;
    private final Commands commands;
    private final boolean recordDues;

    /**
     * @param recordDues false for an instance that must write nothing of its own (a copy of a store started to check
     *                   a rebuild against it): it then records no due; true, the default, everywhere else
     */
    AttestationReminders(Queries queries, Commands commands,
                         @Value("${accord.notifications.record-dues:true}") boolean recordDues) {
        this.queries = queries;
        this.commands = commands;
        this.recordDues = recordDues;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recordWhatFellDueWhileDown() {
        recordDue();
    }

    @Scheduled(fixedDelayString = "${accord.notifications.due-check-interval:60s}",
            initialDelayString = "${accord.notifications.due-check-interval:60s}")
    void recordDue() {
        if (!recordDues) {
            return;
        }
        Instant now = Instant.now();
        OnTime.record(commands, queries.list(new FindAttestationsFallenDueQuery(LocalDate.ofInstant(now,
                        ZoneOffset.UTC), now), AttestationFallenDue.class),
                d -> new RecordAttestationDueCommand(d.trustId(), d.schoolId(), d.standardId(), d.periodStart()),
                d -> "the attestation school " + d.schoolId() + " owes of standard " + d.standardId()
                        + " for the period from " + d.periodStart(), log);
    }
}
