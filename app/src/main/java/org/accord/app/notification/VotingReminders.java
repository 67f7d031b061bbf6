package org.accord.app.notification;

import java.time.Instant;

import org.accord.api.proposal.FindVotingRemindersDueQuery;
import org.accord.api.proposal.RemindVotersCommand;
import org.accord.app.shared.Commands;
import org.accord.app.shared.OnTime;
import org.accord.app.shared.Queries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the reminder of a vote closing within 48 hours, as Accord itself, the way VotingDeadlines closes votes: the
 * due reminders are read from the read models (projected from the events), not kept in memory, so one that fell due
 * while Accord was down is recorded at the next start, and a restart never forgets or repeats one (the proposal
 * refuses a second).
 */
@Component
class VotingReminders {

    private static final Logger log = LoggerFactory.getLogger(VotingReminders.class);

    private final Queries queries;
    private final Commands commands;

    VotingReminders(Queries queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void remindWhatFellDueWhileDown() {
        remindDue();
    }

    @Scheduled(fixedDelayString = "${accord.deadlines.check-interval:1s}")
    void remindDue() {
        OnTime.record(commands, queries.list(new FindVotingRemindersDueQuery(Instant.now()), String.class),
                RemindVotersCommand::new, id -> "the reminder to the voters on proposal " + id + " yet to vote", log);
    }
}
