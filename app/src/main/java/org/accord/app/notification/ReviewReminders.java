package org.accord.app.notification;

import java.time.LocalDate;
import java.time.ZoneOffset;

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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records, as Accord itself, each standard whose review date came within the review window, the way
 * {@link VotingReminders} records a vote's reminder: read from the read models (the reviews list), so a date that
 * came while Accord was down is recorded at the next start, and the standard refuses a second record of the same
 * date. Looked at as often as the attestations due, since both are a question per trust.
 */
@Component
class ReviewReminders {

    private static final Logger log = LoggerFactory.getLogger(ReviewReminders.class);

    private final Queries queries;
    private final Commands commands;
    private final boolean recordDues;

    /**
     * @param recordDues false for an instance that must write nothing of its own (a copy of a store started to check
     *                   a rebuild against it): it then records no due; true, the default, everywhere else
     */
    ReviewReminders(Queries queries, Commands commands,
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
        OnTime.record(commands, queries.list(new FindReviewsFallenDueQuery(LocalDate.now(ZoneOffset.UTC)),
                String.class), NoticeReviewDueCommand::new, id -> "the review due of standard " + id, log);
    }
}
