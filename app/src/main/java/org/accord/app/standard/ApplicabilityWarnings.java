package org.accord.app.standard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.standard.Applicability;
import org.accord.api.trust.SchoolView;

/**
 * What is odd about an applicability for a trust as it stands today, in words. Not refusals: a trust may set a
 * standard for a phase before its first school of that phase joins, or for a cluster before its schools join it; the
 * proposal page and the payload say so, and the proposal is recorded as drafted.
 */
public final class ApplicabilityWarnings {

    /** A named cluster: its name and the ids of its schools today. */
    public record NamedCluster(String id, String name, List<String> schoolIds) {
    }

    private ApplicabilityWarnings() {
    }

    public static List<String> of(Applicability applicability, List<SchoolView> trustSchools) {
        return of(applicability, trustSchools, List.of());
    }

    public static List<String> of(Applicability applicability, List<SchoolView> trustSchools,
                                  List<NamedCluster> namedClusters) {
        Applicability applies = Applicability.of(applicability);
        Map<String, String> clusterOf = new HashMap<>();
        namedClusters.forEach(c -> c.schoolIds().forEach(school -> clusterOf.put(school, c.id())));
        List<String> warnings = new ArrayList<>();
        applies.phases().forEach(phase -> {
            if (trustSchools.stream().noneMatch(s -> s.phase() == phase)) {
                warnings.add("no school of the trust is " + phase + " today: the standard would apply to no "
                        + phase + " school until one is");
            }
        });
        for (SchoolView school : trustSchools) {
            if (applies.schoolIds().contains(school.id())
                    && !applies.covers(school.id(), school.phase(), clusterOf.get(school.id()))) {
                warnings.add("school '" + school.name() + "' is named but is " + school.phase()
                        + ", not among the phases named: it would not be covered");
            }
        }
        for (NamedCluster cluster : namedClusters) {
            if (cluster.schoolIds().isEmpty()) {
                warnings.add("cluster '" + cluster.name() + "' has no schools today: the standard would apply to"
                        + " its schools from the day they join");
            } else if (!applies.phases().isEmpty() && trustSchools.stream()
                    .filter(s -> cluster.schoolIds().contains(s.id()))
                    .noneMatch(s -> applies.phases().contains(s.phase()))) {
                warnings.add("no school of cluster '" + cluster.name() + "' is " + String.join(" or ",
                        applies.phases().stream().map(Enum::name).toList()) + " today");
            }
        }
        if (warnings.isEmpty() && !trustSchools.isEmpty()
                && trustSchools.stream().noneMatch(s -> applies.covers(s.id(), s.phase(), clusterOf.get(s.id())))) {
            warnings.add("the standard would apply to no school of the trust today");
        }
        return warnings;
    }
}
