package org.accord.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record SupportRequestCommand(@TargetAggregateIdentifier String requestId, String reason) {
}
