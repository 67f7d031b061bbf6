package org.accord.api.trust;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A school leaves its cluster for another on a date (null: today). */
public record MoveSchoolToClusterCommand(@TargetAggregateIdentifier String trustId, String schoolId,
                                         String clusterId, LocalDate effectiveFrom) {
}
