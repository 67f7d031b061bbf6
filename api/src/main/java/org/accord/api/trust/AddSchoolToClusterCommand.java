package org.accord.api.trust;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A school in no cluster joins one from a date (null: today). */
public record AddSchoolToClusterCommand(@TargetAggregateIdentifier String trustId, String clusterId, String schoolId,
                                        LocalDate effectiveFrom) {
}
