package org.accord.api.variation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by Accord itself once a variation's review or expiry date has come. */
public record ExpireVariationCommand(@TargetAggregateIdentifier String standardId, String variationId) {
}
