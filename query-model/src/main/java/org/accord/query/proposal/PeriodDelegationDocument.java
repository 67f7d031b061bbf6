package org.accord.query.proposal;

import java.time.Instant;
import java.time.LocalDate;

import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A team member's votes delegated for a period, found by its id or listed by team in the order made ({@code sequence}
 * in the team's stream). {@code endedAt}: when the delegator or the delegate left the team, which ends it for good.
 */
@Lookup(by = "teamId", sortedBy = "sequence")
@Document("period_delegations")
public record PeriodDelegationDocument(@Id String id, String teamId, String trustId, long sequence, String delegatorId,
                                       String delegateId, LocalDate from, LocalDate to, Instant delegatedAt,
                                       Instant revokedAt, Instant endedAt) {
}
