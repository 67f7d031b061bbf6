package org.accord.query.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A vote whose closing reminder is still to be recorded, and from when it is due (48 hours before the deadline);
 * removed once the reminder is recorded or voting ends. Small by nature (the votes open now), so scanning it is fine.
 */
@Document("voting_reminders")
public record VotingReminderDocument(@Id String proposalId, Instant remindAt) {
}
