package org.accord.api.variation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A school's variation against one standard. {@code version} is the version it is pinned to; {@code until} is its
 * review date (implementation) or expiry date (exception); {@code needsRejustification}: the standard has a later
 * version than the one it is pinned to.
 */
public record VariationView(String id, String trustId, String schoolId, String standardId, VariationKind kind,
                            VariationStatus status, int version, boolean needsRejustification, String description,
                            String justification, LocalDate until, String decidedBy, List<Change> history) {

    public record Change(String type, VariationStatus status, int version, Instant at, LocalDate effectiveOn,
                         String by, String note) {
    }

    /** The same variation, marked as needing re-justification (the rule in force it is shown under needs it). */
    public VariationView needingRejustification() {
        return new VariationView(id, trustId, schoolId, standardId, kind, status, version, true, description,
                justification, until, decidedBy, history);
    }

    public LocalDate reviewBy() {
        return kind == VariationKind.IMPLEMENTATION ? until : null;
    }

    public LocalDate expiresOn() {
        return kind == VariationKind.EXCEPTION ? until : null;
    }
}
