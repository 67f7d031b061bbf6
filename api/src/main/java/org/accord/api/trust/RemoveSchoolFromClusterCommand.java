package org.accord.api.trust;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A school leaves its cluster on a date (null: today) and belongs to none from then. */
public record RemoveSchoolFromClusterCommand(@TargetAggregateIdentifier String trustId, String schoolId,
                                             LocalDate effectiveFrom) {
}
