package org.accord.api.proposal;

import java.time.Instant;

/** The delegator took their vote back: the delegate's vote no longer counts for them. */
public record VoteDelegationRevokedEvent(String proposalId, String trustId, String teamId, String delegationId,
                                         String delegatorId, Instant revokedAt) {
}
