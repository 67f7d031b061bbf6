package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CastVoteCommand(@TargetAggregateIdentifier String proposalId, VoteChoice choice, String rationale) {
}
