package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawProposalCommand(@TargetAggregateIdentifier String proposalId, String reason) {
}
