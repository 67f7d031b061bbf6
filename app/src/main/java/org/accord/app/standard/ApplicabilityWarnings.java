package org.accord.app.standard;

import java.util.ArrayList;
import java.util.List;

import org.accord.api.standard.Applicability;
import org.accord.api.trust.SchoolView;

/**
 * What is odd about an applicability for a trust as it stands today, in words. Not refusals: a trust may set a
 * standard for a phase before its first school of that phase joins, or while a school is about to change phase; the
 * proposal page and the payload say so, and the proposal is recorded as drafted.
 */
public final class ApplicabilityWarnings {

    private ApplicabilityWarnings() {
    }

    public static List<String> of(Applicability applicability, List<SchoolView> trustSchools) {
        Applicability applies = Applicability.of(applicability);
        List<String> warnings = new ArrayList<>();
        applies.phases().forEach(phase -> {
            if (trustSchools.stream().noneMatch(s -> s.phase() == phase)) {
                warnings.add("no school of the trust is " + phase + " today: the standard would apply to no "
                        + phase + " school until one is");
            }
        });
        for (SchoolView school : trustSchools) {
            if (applies.schoolIds().contains(school.id()) && !applies.covers(school.id(), school.phase(), null)) {
                warnings.add("school '" + school.name() + "' is named but is " + school.phase()
                        + ", not among the phases named: it would not be covered");
            }
        }
        if (warnings.isEmpty() && !trustSchools.isEmpty()
                && trustSchools.stream().noneMatch(s -> applies.covers(s.id(), s.phase(), null))
                && applies.clusterIds().isEmpty()) {
            warnings.add("the standard would apply to no school of the trust today");
        }
        return warnings;
    }
}
