package org.accord.api.proposal;

import java.time.Instant;

/** The proposals still open for voting whose deadline is at or before {@code now}. */
public record FindVotingsDueQuery(Instant now) {
}
