package org.accord.query.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.accord.api.standard.Applicability;
import org.accord.api.trust.SchoolPhase;

/**
 * Where a school stood on a date, as recorded at a moment: its phase (and, once clusters exist, its cluster), on the
 * two time axes of the rules in force. Pure; a school registered with a phase has had it from the beginning, and each
 * later change counts from its effectiveFrom once it has been recorded.
 */
public record SchoolPlacement(String schoolId, SchoolPhase registeredPhase,
                              List<SchoolDocument.PhaseChange> phaseChanges) {

    public SchoolPlacement {
        phaseChanges = phaseChanges == null ? List.of() : List.copyOf(phaseChanges);
    }

    public static SchoolPlacement of(SchoolDocument school) {
        return new SchoolPlacement(school.id(), school.phase(), school.phaseChanges());
    }

    public SchoolPhase phaseOn(LocalDate asOf, Instant knownAt) {
        return phaseChanges.stream()
                .filter(c -> !c.recordedAt().isAfter(knownAt) && !c.effectiveFrom().isAfter(asOf))
                .max(Comparator.comparing(SchoolDocument.PhaseChange::effectiveFrom)
                        .thenComparing(SchoolDocument.PhaseChange::recordedAt))
                .map(SchoolDocument.PhaseChange::phase)
                .orElse(registeredPhase);
    }

    /** The school's cluster on the date; none until the trust has clusters. */
    public String clusterOn(LocalDate asOf, Instant knownAt) {
        return null;
    }

    public boolean isCoveredBy(Applicability applicability, LocalDate asOf, Instant knownAt) {
        return Applicability.of(applicability).covers(schoolId, phaseOn(asOf, knownAt), clusterOn(asOf, knownAt));
    }
}
