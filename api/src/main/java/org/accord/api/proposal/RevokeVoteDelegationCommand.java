package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The caller takes back the delegation of their vote on this proposal, whether made on it or carried in from a period. */
public record RevokeVoteDelegationCommand(@TargetAggregateIdentifier String proposalId) {
}
