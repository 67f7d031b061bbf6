package org.accord.api.proposal;

import java.time.Instant;

/**
 * Voting ended with this outcome and tally. {@code closedAt} is when voting actually ended: the deadline, when it
 * passed first (even if Accord was down then and recorded the close later), or the moment the chair closed it.
 */
public record VotingClosedEvent(String proposalId, String trustId, String teamId, VotingOutcome outcome, Tally tally,
                                Instant closedAt, boolean atDeadline, String closedBy) {
}
