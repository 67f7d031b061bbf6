package org.accord.api.trust;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterTrustCommand(@TargetAggregateIdentifier String trustId, String name) {
}
