package org.accord.query.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.api.rules.RuleInForceView;
import org.accord.api.rules.RuleStatus;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.variation.VariationKind;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationView;
import org.accord.query.standard.StandardDocument;
import org.accord.query.standard.StandardQueries;
import org.accord.query.trust.SchoolPlacement;
import org.accord.query.variation.VariationDocument;
import org.accord.query.variation.VariationQueries;

/**
 * Where a rule in force is computed: pure, from the read models, on two time axes.
 * <ul>
 *   <li><b>knownAt</b> (record time): only what had been recorded by that moment counts: versions adopted, a
 *       retirement adopted, each change of a variation.</li>
 *   <li><b>asOf</b> (valid time): a version is in force from its effectiveFrom; a retirement from its retiredOn; a
 *       variation's change from the day it was made (an expiry from the day it fell due), and a variation in force
 *       lapses on its review or expiry date.</li>
 * </ul>
 * The version in force is the highest-numbered one known and effective. The school's variation in force is the one
 * RECORDED (implementation) or APPROVED (exception) then; the status follows from the version's alignment:
 * GUIDANCE is always ALIGNED; REQUIRED is EXCEPTION with an approved exception, else ALIGNED; ADAPTABLE is
 * IMPLEMENTED with a recorded implementation, else IMPLEMENTATION_MISSING; and a variation pinned to an earlier
 * version than the one in force, or of the wrong kind for its alignment (the alignment changed), NEEDS_REJUSTIFICATION.
 * <p>
 * Applicability: a standard is a rule for a school only when the version in force covers the school as it stood on
 * {@code asOf} as recorded at {@code knownAt} (its phase then, its cluster then). An amendment that narrows the
 * applicability takes the standard away from the schools it no longer covers from the amendment's effectiveFrom;
 * the earlier version does not linger for them.
 */
public final class RulesInForce {

    private RulesInForce() {
    }

    /** The trust's standard versions in force, in the order of the standards given. */
    public static List<StandardVersionView> backbone(List<StandardDocument> standards, LocalDate asOf,
                                                     Instant knownAt) {
        return backbone(standards, asOf, knownAt, null);
    }

    /** As {@link #backbone(List, LocalDate, Instant)}, only the versions that apply to {@code school} (null: all). */
    public static List<StandardVersionView> backbone(List<StandardDocument> standards, LocalDate asOf,
                                                     Instant knownAt, SchoolPlacement school) {
        List<StandardVersionView> inForce = new ArrayList<>();
        for (StandardDocument standard : standards) {
            versionInForce(standard, asOf, knownAt)
                    .filter(v -> school == null || applies(standard, v, school, asOf, knownAt))
                    .ifPresent(v -> inForce.add(StandardQueries.version(standard.id(), v)));
        }
        return inForce;
    }

    /** Every standard as if it applied to the school: for tests and callers that know no school's placement. */
    public static List<RuleInForceView> forSchool(List<StandardDocument> standards,
                                                  List<VariationDocument> schoolVariations, LocalDate asOf,
                                                  Instant knownAt) {
        return forSchool(standards, schoolVariations, asOf, knownAt, null);
    }

    public static List<RuleInForceView> forSchool(List<StandardDocument> standards,
                                                  List<VariationDocument> schoolVariations, LocalDate asOf,
                                                  Instant knownAt, SchoolPlacement school) {
        List<RuleInForceView> rules = new ArrayList<>();
        // each standard looks at its own variations only: a school has hundreds, the trust hundreds of standards
        Map<String, List<VariationDocument>> byStandard = new HashMap<>();
        for (VariationDocument v : schoolVariations) {
            byStandard.computeIfAbsent(v.standardId(), k -> new ArrayList<>()).add(v);
        }
        for (StandardDocument standard : standards) {
            Optional<StandardDocument.VersionEntry> version = versionInForce(standard, asOf, knownAt);
            if (version.isEmpty()
                    || (school != null && !applies(standard, version.get(), school, asOf, knownAt))) {
                continue;
            }
            VariationView variation = byStandard.getOrDefault(standard.id(), List.of()).stream()
                    .map(v -> stateAt(v, asOf, knownAt, version.get().number()))
                    .flatMap(Optional::stream)
                    .filter(v -> v.status().isInForce())
                    .reduce((earlier, later) -> later)
                    .orElse(null);
            StandardDocument.VersionEntry v = version.get();
            RuleStatus status = status(v, variation);
            if (status == RuleStatus.NEEDS_REJUSTIFICATION && !variation.needsRejustification()) {
                variation = variation.needingRejustification(); // the wrong kind for this version's alignment
            }
            rules.add(new RuleInForceView(standard.id(), StandardQueries.version(standard.id(), v), v.alignment(),
                    variation, status));
        }
        return rules;
    }

    /**
     * Whether the version is a rule for the school then: its applicability covers the school, and a cluster
     * standard's school is in that cluster on the date.
     */
    static boolean applies(StandardDocument standard, StandardDocument.VersionEntry version, SchoolPlacement school,
                           LocalDate asOf, Instant knownAt) {
        return school.isCoveredBy(version.applicability(), asOf, knownAt)
                && (standard.clusterId() == null || standard.clusterId().equals(school.clusterOn(asOf, knownAt)));
    }

    static Optional<StandardDocument.VersionEntry> versionInForce(StandardDocument standard, LocalDate asOf,
                                                                  Instant knownAt) {
        boolean retired = standard.retiredAt() != null && !standard.retiredAt().isAfter(knownAt)
                && !standard.retiredOn().isAfter(asOf);
        if (retired) {
            return Optional.empty();
        }
        return standard.versions().stream()
                .filter(v -> !v.adoptedAt().isAfter(knownAt) && !v.effectiveFrom().isAfter(asOf))
                .max(Comparator.comparingInt(StandardDocument.VersionEntry::number));
    }

    /** The variation as it stood on {@code asOf}, as recorded at {@code knownAt}; empty if it did not exist yet. */
    static Optional<VariationView> stateAt(VariationDocument variation, LocalDate asOf, Instant knownAt,
                                           int versionInForce) {
        List<VariationDocument.Change> known = variation.history().stream()
                .filter(change -> !change.at().isAfter(knownAt) && !change.effectiveOn().isAfter(asOf))
                .toList();
        if (known.isEmpty()) {
            return Optional.empty();
        }
        VariationDocument.Change last = known.get(known.size() - 1);
        VariationStatus status = last.status();
        if (status.isInForce() && last.until() != null && !last.until().isAfter(asOf)) {
            status = VariationStatus.EXPIRED;
        }
        VariationDocument asThen = new VariationDocument(variation.id(), variation.trustId(), variation.position(),
                variation.schoolId(), variation.standardId(), variation.kind(), status, last.version(),
                variation.description(), last.justification(), last.until(), lastDecider(known), known);
        return Optional.of(VariationQueries.view(asThen, versionInForce));
    }

    private static String lastDecider(List<VariationDocument.Change> known) {
        String decider = null;
        for (VariationDocument.Change change : known) {
            if (List.of("APPROVED", "DECLINED", "REVOKED").contains(change.type())) {
                decider = change.by();
            }
        }
        return decider;
    }

    static RuleStatus status(StandardDocument.VersionEntry version, VariationView variation) {
        AlignmentLevel alignment = version.alignment();
        if (alignment == AlignmentLevel.GUIDANCE) {
            return RuleStatus.ALIGNED;
        }
        if (variation == null) {
            return alignment == AlignmentLevel.ADAPTABLE ? RuleStatus.IMPLEMENTATION_MISSING : RuleStatus.ALIGNED;
        }
        VariationKind fits = alignment == AlignmentLevel.REQUIRED ? VariationKind.EXCEPTION
                : VariationKind.IMPLEMENTATION;
        if (variation.kind() != fits || variation.version() < version.number()) {
            return RuleStatus.NEEDS_REJUSTIFICATION;
        }
        return alignment == AlignmentLevel.REQUIRED ? RuleStatus.EXCEPTION : RuleStatus.IMPLEMENTED;
    }
}
