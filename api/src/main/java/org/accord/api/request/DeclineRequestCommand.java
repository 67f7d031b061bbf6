package org.accord.api.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclineRequestCommand(@TargetAggregateIdentifier String requestId, String reason) {
}
