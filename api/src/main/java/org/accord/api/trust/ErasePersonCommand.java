package org.accord.api.trust;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ErasePersonCommand(@TargetAggregateIdentifier String trustId, String personId) {
}
