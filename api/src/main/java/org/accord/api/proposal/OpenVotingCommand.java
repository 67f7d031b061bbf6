package org.accord.api.proposal;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code closesAt} null: the team's voting window from now. */
public record OpenVotingCommand(@TargetAggregateIdentifier String proposalId, Instant closesAt) {
}
