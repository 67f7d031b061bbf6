package org.accord.api.team;

import java.time.Instant;

/** No proposal that opens from now on carries this period delegation in; those already voting keep theirs. */
public record PeriodDelegationRevokedEvent(String teamId, String trustId, String delegationId, String delegatorId,
                                           Instant revokedAt) {
}
