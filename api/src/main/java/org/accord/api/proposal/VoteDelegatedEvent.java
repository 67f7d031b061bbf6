package org.accord.api.proposal;

import java.time.Instant;

/**
 * From now on the delegate's own standing vote on this proposal also counts for the delegator, as long as the
 * delegator has not voted themselves (DelegatedVotes). {@code periodDelegationId} names the team's period delegation
 * this one was carried in from when voting opened, null when it was made on the proposal.
 */
public record VoteDelegatedEvent(String proposalId, String trustId, String teamId, String delegationId,
                                 String delegatorId, String delegateId, String periodDelegationId,
                                 Instant delegatedAt) {
}
