package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecuseCommand(@TargetAggregateIdentifier String proposalId, String interest) {
}
