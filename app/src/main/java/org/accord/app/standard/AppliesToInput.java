package org.accord.app.standard;

import java.util.List;

import org.accord.api.standard.Applicability;
import org.accord.api.trust.SchoolPhase;

public record AppliesToInput(List<SchoolPhase> phases, List<String> clusterIds, List<String> schoolIds) {

    /** Null stays null: "not named" (every school for a new standard, unchanged on a revision). */
    public static Applicability toApplicability(AppliesToInput input) {
        return input == null ? null : new Applicability(input.phases(), input.clusterIds(), input.schoolIds());
    }
}
