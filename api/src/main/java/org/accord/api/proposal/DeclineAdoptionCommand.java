package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclineAdoptionCommand(@TargetAggregateIdentifier String proposalId, String reason) {
}
