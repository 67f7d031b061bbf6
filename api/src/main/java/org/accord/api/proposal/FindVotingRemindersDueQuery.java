package org.accord.api.proposal;

import java.time.Instant;

/** The proposals open for voting whose closing reminder is due at or before {@code now} and not yet recorded. */
public record FindVotingRemindersDueQuery(Instant now) {
}
