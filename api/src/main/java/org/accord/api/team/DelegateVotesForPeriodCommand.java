package org.accord.api.team;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The caller, a member of the team, lets {@code delegateId} vote for them on every proposal of the team whose voting
 * opens on a day from {@code from} (default: today) to {@code to}, both included.
 */
public record DelegateVotesForPeriodCommand(@TargetAggregateIdentifier String teamId, String delegationId,
                                            String delegateId, LocalDate from, LocalDate to) {
}
