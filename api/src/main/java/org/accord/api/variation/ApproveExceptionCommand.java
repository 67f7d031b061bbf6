package org.accord.api.variation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ApproveExceptionCommand(@TargetAggregateIdentifier String standardId, String variationId, String note) {
}
