package org.accord.query.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.accord.api.attestation.AttestationView;
import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.ComplianceState;
import org.accord.api.attestation.QaFindingView;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.rules.RuleInForceView;
import org.accord.api.rules.RuleStatus;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.standard.StandardVersionView;
import org.accord.query.standard.StandardDocument;

/**
 * Where a school's compliance with a standard is reckoned: pure, on the two time axes of the rules in force.
 * <ul>
 *   <li><b>knownAt</b> (record time): only attestations and findings recorded by then count.</li>
 *   <li><b>asOf</b> (valid time): an attestation speaks from the day it was made, a finding from the day of the visit.
 *   </li>
 * </ul>
 * The period is the one {@code asOf} falls in under the cadence of the version in force then. An attestation counts
 * for the current period when made in it on or after that version took effect (an attestation of the text before an
 * amendment does not vouch for the amendment); for the previous period when made in it. The obligation runs from
 * the day the first of the unbroken run of versions with a cadence took effect ({@link #owedSince}), so an amendment
 * that keeps a cadence does not forgive a period missed before it.
 * <p>
 * The state, in order: EXCEPTION_IN_FORCE (an approved exception is in force), NOT_REQUIRED (cadence NONE), CHALLENGED
 * (the attestation that counts, this period's or else the previous one's, stands challenged by its latest finding),
 * ATTESTED (attested this period), OVERDUE (the previous period was owed and passed without one), else DUE by the
 * period's end.
 */
public final class Compliance {

    private Compliance() {
    }

    /** The standard in force does not apply to the school on the date. */
    public static ComplianceEntryView notApplicable(String schoolId, StandardVersionView version) {
        return new ComplianceEntryView(schoolId, version.standardId(), version.number(),
                version.attestationCadence(), ComplianceState.NOT_APPLICABLE, null, null, null);
    }

    /**
     * @param standard     the standard the rule is a version of (for {@link #owedSince})
     * @param attestations the school's attestations of this standard, in any order
     */
    public static ComplianceEntryView of(String schoolId, RuleInForceView rule, StandardDocument standard,
                                         List<AttestationDocument> attestations, LocalDate asOf, Instant knownAt) {
        StandardVersionView version = rule.version();
        AttestationCadence cadence = version.attestationCadence();
        if (rule.status() == RuleStatus.EXCEPTION) {
            return entry(schoolId, version, ComplianceState.EXCEPTION_IN_FORCE, null, null);
        }
        if (cadence == AttestationCadence.NONE) {
            return entry(schoolId, version, ComplianceState.NOT_REQUIRED, null, null);
        }
        AttestationPeriods.Period current = AttestationPeriods.containing(cadence, asOf);
        AttestationPeriods.Period previous = AttestationPeriods.before(cadence, current);
        LocalDate owedSince = owedSince(standard, version.number(), knownAt);
        LocalDate currentFrom = max(current.start(), version.effectiveFrom());
        LocalDate previousFrom = max(previous.start(), owedSince);
        List<AttestationView> known = attestations.stream()
                .filter(a -> a.attestedAt() != null && !a.attestedAt().isAfter(knownAt))
                .filter(a -> !day(a.attestedAt()).isAfter(asOf))
                .sorted(Comparator.comparing(AttestationDocument::attestedAt))
                .map(a -> view(a, asOf, knownAt))
                .toList();
        AttestationView thisPeriod = latestBetween(known, currentFrom, asOf);
        AttestationView lastPeriod = previous.end().isBefore(owedSince) ? null
                : latestBetween(known, previousFrom, previous.end());
        AttestationView counting = thisPeriod != null ? thisPeriod : lastPeriod;
        QaFindingView finding = counting == null ? null : counting.latestFinding();
        ComplianceState state;
        if (finding != null && finding.outcome() == QaOutcome.CHALLENGED) {
            state = ComplianceState.CHALLENGED;
        } else if (thisPeriod != null) {
            state = ComplianceState.ATTESTED;
        } else if (!previous.end().isBefore(owedSince) && lastPeriod == null) {
            state = ComplianceState.OVERDUE;
        } else {
            state = ComplianceState.DUE;
        }
        return new ComplianceEntryView(schoolId, version.standardId(), version.number(), cadence, state,
                current.start(), current.end(), counting);
    }

    /**
     * The day the obligation began: the effectiveFrom of the earliest version, in the unbroken run of known versions
     * with a cadence that ends at {@code number}.
     */
    static LocalDate owedSince(StandardDocument standard, int number, Instant knownAt) {
        List<StandardDocument.VersionEntry> versions = standard.versions().stream()
                .filter(v -> v.number() <= number)
                .filter(v -> v.adoptedAt() == null || !v.adoptedAt().isAfter(knownAt))
                .sorted(Comparator.comparingInt(StandardDocument.VersionEntry::number).reversed())
                .toList();
        LocalDate since = null;
        for (StandardDocument.VersionEntry v : versions) {
            if (v.attestationCadence() == AttestationCadence.NONE) {
                break;
            }
            since = v.effectiveFrom();
        }
        return since != null ? since : LocalDate.MAX;
    }

    /** The attestation with only the findings known at {@code knownAt} from visits made by {@code asOf}. */
    public static AttestationView view(AttestationDocument a, LocalDate asOf, Instant knownAt) {
        List<QaFindingView> findings = a.findings().stream()
                .filter(f -> f.recordedAt() != null && !f.recordedAt().isAfter(knownAt))
                .filter(f -> f.visitedOn() == null || !f.visitedOn().isAfter(asOf))
                .sorted(Comparator.comparing(AttestationDocument.Finding::visitedOn,
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(AttestationDocument.Finding::recordedAt))
                .map(f -> new QaFindingView(f.outcome(), f.notes(), f.actions() == null ? List.of() : f.actions(),
                        f.followUpBy(), f.visitedOn(), f.recordedBy(), f.recordedAt()))
                .toList();
        return new AttestationView(a.id(), a.trustId(), a.schoolId(), a.standardId(),
                a.version() == null ? 0 : a.version(), AttestationCadence.of(a.cadence()), a.statement(),
                a.evidence(), a.attestedBy(), a.attestedAt(), findings);
    }

    private static AttestationView latestBetween(List<AttestationView> known, LocalDate from, LocalDate to) {
        AttestationView latest = null;
        for (AttestationView a : known) {
            LocalDate on = day(a.attestedAt());
            if (!on.isBefore(from) && !on.isAfter(to)) {
                latest = a;
            }
        }
        return latest;
    }

    private static ComplianceEntryView entry(String schoolId, StandardVersionView version, ComplianceState state,
                                             LocalDate start, LocalDate end) {
        return new ComplianceEntryView(schoolId, version.standardId(), version.number(),
                version.attestationCadence(), state, start, end, null);
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
