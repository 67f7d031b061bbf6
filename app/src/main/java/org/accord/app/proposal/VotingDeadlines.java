package org.accord.app.proposal;

import java.time.Instant;

import org.accord.api.proposal.CloseVotingCommand;
import org.accord.api.proposal.FindVotingsDueQuery;
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
 * Closes voting when its deadline passes, as Accord itself. The deadlines are read from the events (the open
 * votings read model), not kept in memory, so a deadline that passed while the application was down is closed at
 * the next start, and the close is recorded as at the deadline (see {@link Proposal}). Between the deadline and the
 * close, the proposal already refuses votes.
 */
@Component
class VotingDeadlines {

    private static final Logger log = LoggerFactory.getLogger(VotingDeadlines.class);

    private final Queries queries;
    private final Commands commands;

    VotingDeadlines(Queries queries, Commands commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @EventListener(ApplicationReadyEvent.class)
    void closeWhatPassedWhileDown() {
        closeDue();
    }

    @Scheduled(fixedDelayString = "${accord.deadlines.check-interval:1s}")
    void closeDue() {
        OnTime.record(commands, queries.list(new FindVotingsDueQuery(Instant.now()), String.class),
                CloseVotingCommand::new, id -> "the close of voting on proposal " + id + " at its deadline", log);
    }
}
