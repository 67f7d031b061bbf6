package org.accord.api.proposal;

import java.time.Instant;

/** The voter declared an interest: their vote, if any, no longer counts, and they cannot vote on this proposal. */
public record VoterRecusedEvent(String proposalId, String trustId, String teamId, String voterId, String interest,
                                Instant recusedAt) {
}
