package org.accord.api.team;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The delegator's vote on each proposal of the team whose voting opens on a day from {@code from} to {@code to}
 * (both included) goes to the delegate: the proposal records it when its voting opens (VoteDelegatedEvent).
 */
public record VotesDelegatedForPeriodEvent(String teamId, String trustId, String delegationId, String delegatorId,
                                           String delegateId, LocalDate from, LocalDate to, Instant delegatedAt) {
}
