package org.accord.api.variation;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** How a school meets an ADAPTABLE standard's current version; {@code reviewBy} is when it lapses unless renewed. */
public record RecordImplementationCommand(@TargetAggregateIdentifier String standardId, String variationId,
                                          String schoolId, Integer version, String description,
                                          String justification, LocalDate reviewBy) {
}
