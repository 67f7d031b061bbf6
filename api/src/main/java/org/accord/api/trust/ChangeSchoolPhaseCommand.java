package org.accord.api.trust;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A school of the trust takes another phase from a date (a primary becomes all-through). */
public record ChangeSchoolPhaseCommand(@TargetAggregateIdentifier String trustId, String schoolId, SchoolPhase phase,
                                       LocalDate effectiveFrom, String reason) {
}
