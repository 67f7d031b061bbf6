package org.accord.api.variation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record WithdrawVariationCommand(@TargetAggregateIdentifier String standardId, String variationId, String reason) {
}
