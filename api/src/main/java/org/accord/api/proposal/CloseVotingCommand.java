package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** By the chair, or by Accord itself once the deadline has passed. */
public record CloseVotingCommand(@TargetAggregateIdentifier String proposalId) {
}
