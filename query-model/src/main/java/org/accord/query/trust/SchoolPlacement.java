package org.accord.query.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.accord.api.standard.Applicability;
import org.accord.api.trust.SchoolPhase;

/**
 * Where a school stood on a date, as recorded at a moment: its phase and its cluster, on the two time axes of the
 * rules in force. Pure; a school registered with a phase has had it from the beginning, and each later change counts
 * from its effectiveFrom once it has been recorded; its cluster is the one {@link ClusterMemberships} names then.
 */
public record SchoolPlacement(String schoolId, SchoolPhase registeredPhase,
                              List<SchoolDocument.PhaseChange> phaseChanges, ClusterMemberships clusters) {

    public SchoolPlacement {
        phaseChanges = phaseChanges == null ? List.of() : List.copyOf(phaseChanges);
        clusters = clusters == null ? ClusterMemberships.none() : clusters;
    }

    public SchoolPlacement(String schoolId, SchoolPhase registeredPhase,
                           List<SchoolDocument.PhaseChange> phaseChanges) {
        this(schoolId, registeredPhase, phaseChanges, null);
    }

    public static SchoolPlacement of(SchoolDocument school) {
        return of(school, null);
    }

    /** @param clusters the school's trust's cluster memberships (null: none) */
    public static SchoolPlacement of(SchoolDocument school, ClusterMemberships clusters) {
        return new SchoolPlacement(school.id(), school.phase(), school.phaseChanges(), clusters);
    }

    /** The memberships of a trust's schools, from its clusters' document (none when it has no clusters). */
    public static ClusterMemberships clustersOf(TrustClustersDocument trustClusters) {
        return trustClusters == null ? ClusterMemberships.none() : trustClusters.memberships();
    }

    public SchoolPhase phaseOn(LocalDate asOf, Instant knownAt) {
        return phaseChanges.stream()
                .filter(c -> !c.recordedAt().isAfter(knownAt) && !c.effectiveFrom().isAfter(asOf))
                .max(Comparator.comparing(SchoolDocument.PhaseChange::effectiveFrom)
                        .thenComparing(SchoolDocument.PhaseChange::recordedAt))
                .map(SchoolDocument.PhaseChange::phase)
                .orElse(registeredPhase);
    }

    /** The school's cluster on the date as recorded then; null when it was in none. */
    public String clusterOn(LocalDate asOf, Instant knownAt) {
        return clusters.clusterOf(schoolId, asOf, knownAt).orElse(null);
    }

    public boolean isCoveredBy(Applicability applicability, LocalDate asOf, Instant knownAt) {
        return Applicability.of(applicability).covers(schoolId, phaseOn(asOf, knownAt), clusterOn(asOf, knownAt));
    }
}
