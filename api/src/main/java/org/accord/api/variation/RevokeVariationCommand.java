package org.accord.api.variation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RevokeVariationCommand(@TargetAggregateIdentifier String standardId, String variationId, String reason) {
}
