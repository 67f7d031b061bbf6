package org.accord.api.proposal;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A delegation as the read model holds it: on one proposal ({@code proposalId} set; {@code periodDelegationId} set
 * when it was carried in from a period delegation as voting opened), or for a period of a team ({@code from} and
 * {@code to} set, {@code proposalId} null).
 */
public record VoteDelegationView(String id, String teamId, String proposalId, String delegatorId, String delegateId,
                                 LocalDate from, LocalDate to, String periodDelegationId, Instant delegatedAt,
                                 Instant revokedAt, DelegationStatus status) {
}
