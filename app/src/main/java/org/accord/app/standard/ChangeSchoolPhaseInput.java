package org.accord.app.standard;

import java.time.LocalDate;

import org.accord.api.trust.SchoolPhase;

public record ChangeSchoolPhaseInput(String clientMutationId, String schoolId, SchoolPhase phase,
                                     LocalDate effectiveFrom, String reason) {
}
