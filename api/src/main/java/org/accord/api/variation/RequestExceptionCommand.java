package org.accord.api.variation;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RequestExceptionCommand(@TargetAggregateIdentifier String standardId, String variationId,
                                      String schoolId, Integer version, String description, String justification,
                                      LocalDate expiresOn) {
}
