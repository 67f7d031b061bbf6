package org.accord.api.standard;

import java.util.List;
import java.util.Objects;

import org.accord.api.trust.SchoolPhase;

/**
 * Which schools a standard version applies to. A school is covered when its phase is among {@code phases} (none
 * named: every phase) and, where clusters or schools are named, it belongs to one of the named clusters or is one of
 * the named schools. So phases say which kind of school, and clusters and schools narrow it to some of them.
 * <p>
 * Absent applicability (null, as on every event recorded before applicability existed) means every school of the
 * trust: {@link #of(Applicability)} reads it as {@link #EVERY_SCHOOL}.
 */
public record Applicability(List<SchoolPhase> phases, List<String> clusterIds, List<String> schoolIds) {

    public static final Applicability EVERY_SCHOOL = new Applicability(List.of(), List.of(), List.of());

    public Applicability {
        phases = phases == null ? List.of() : phases.stream().filter(Objects::nonNull).distinct().sorted().toList();
        clusterIds = clusterIds == null ? List.of()
                : clusterIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
        schoolIds = schoolIds == null ? List.of()
                : schoolIds.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    public static Applicability of(Applicability maybe) {
        return maybe == null ? EVERY_SCHOOL : maybe;
    }

    public static Applicability phases(SchoolPhase... phases) {
        return new Applicability(List.of(phases), List.of(), List.of());
    }

    /** Whether a school of this phase, in this cluster (null: none) is covered. */
    public boolean covers(String schoolId, SchoolPhase phase, String clusterId) {
        if (!phases.isEmpty() && (phase == null || !phases.contains(phase))) {
            return false;
        }
        if (clusterIds.isEmpty() && schoolIds.isEmpty()) {
            return true;
        }
        return schoolIds.contains(schoolId) || (clusterId != null && clusterIds.contains(clusterId));
    }

    public boolean coversEverySchool() {
        return phases.isEmpty() && clusterIds.isEmpty() && schoolIds.isEmpty();
    }

    /** In words, for the decision log: "every school", "PRIMARY schools", "SECONDARY schools among 2 named schools". */
    public String describe() {
        if (coversEverySchool()) {
            return "every school";
        }
        String kind = phases.isEmpty() ? "schools"
                : String.join(" and ", phases.stream().map(Enum::name).toList()) + " schools";
        if (clusterIds.isEmpty() && schoolIds.isEmpty()) {
            return kind;
        }
        List<String> named = new java.util.ArrayList<>();
        if (!clusterIds.isEmpty()) {
            named.add(clusterIds.size() + (clusterIds.size() == 1 ? " named cluster" : " named clusters"));
        }
        if (!schoolIds.isEmpty()) {
            named.add(schoolIds.size() + (schoolIds.size() == 1 ? " named school" : " named schools"));
        }
        return kind + " in " + String.join(" or ", named);
    }
}
