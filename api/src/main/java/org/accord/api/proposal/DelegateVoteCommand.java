package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The caller, an eligible voter, lets {@code delegateId} vote for them on this proposal. */
public record DelegateVoteCommand(@TargetAggregateIdentifier String proposalId, String delegationId,
                                  String delegateId) {
}
