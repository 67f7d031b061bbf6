package org.accord.query.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.accord.api.attestation.AttestationFallenDue;
import org.accord.api.attestation.AttestationView;
import org.accord.api.attestation.FindAttestationsFallenDueQuery;
import org.accord.api.attestation.RecordAttestationDueCommand;
import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.FindAttestationQuery;
import org.accord.api.attestation.FindComplianceQuery;
import org.accord.api.rules.RuleInForceView;
import org.accord.api.standard.StandardVersionView;
import org.accord.query.rules.RulesInForce;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.standard.StandardDocument;
import org.accord.query.trust.ClusterMemberships;
import org.accord.query.trust.SchoolDocument;
import org.accord.query.trust.SchoolPlacement;
import org.accord.query.trust.TrustClustersDocument;
import org.accord.query.trust.TrustDocument;
import org.accord.query.variation.VariationDocument;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The compliance view, computed per question from read models read once each: the trust, its schools, standards,
 * variations and attestations (one lookup each for the last two), then {@link RulesInForce} and {@link Compliance}
 * per school in memory.
 */
@Component
public class AttestationQueries {

    private final ReadModelStore store;

    public AttestationQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public AttestationView handle(FindAttestationQuery query) {
        AttestationDocument a = query.attestationId() == null ? null
                : store.findById(AttestationDocument.class, query.attestationId());
        return a == null || a.trustId() == null ? null
                : Compliance.view(a, LocalDate.now(ZoneOffset.UTC), Instant.now());
    }

    /** Schools in the trust's order, each with the standards in force in the trust's order. */
    @QueryHandler
    public List<ComplianceEntryView> handle(FindComplianceQuery query) {
        TrustDocument trust = store.findById(TrustDocument.class, query.trustId());
        if (trust == null) {
            return List.of();
        }
        LocalDate asOf = query.asOf() != null ? query.asOf() : LocalDate.now(ZoneOffset.UTC);
        Instant knownAt = query.knownAt() != null ? query.knownAt() : Instant.now();
        List<String> schoolIds = trust.schoolIds() == null ? List.of() : trust.schoolIds();
        if (query.schoolId() != null) {
            schoolIds = schoolIds.contains(query.schoolId()) ? List.of(query.schoolId()) : List.of();
        }
        List<SchoolDocument> schools = store.findByIds(SchoolDocument.class, schoolIds, SchoolDocument::id);
        if (schools.isEmpty()) {
            return List.of();
        }
        List<StandardDocument> standards = trust.standardIds() == null ? List.of()
                : store.findByIds(StandardDocument.class, trust.standardIds(), StandardDocument::id);
        Map<String, StandardDocument> standardById = standards.stream()
                .collect(Collectors.toMap(StandardDocument::id, s -> s, (a, b) -> a, LinkedHashMap::new));
        List<StandardVersionView> backbone = RulesInForce.backbone(standards, asOf, knownAt);
        Map<String, List<VariationDocument>> variations = store.findPage(VariationDocument.class,
                        Map.of("trustId", query.trustId()), "position", Long.MIN_VALUE, Integer.MAX_VALUE)
                .stream().collect(Collectors.groupingBy(VariationDocument::schoolId));
        Map<String, Object> attestedIn = new LinkedHashMap<>();
        attestedIn.put("trustId", query.trustId());
        if (query.schoolId() != null) {
            attestedIn.put("schoolId", query.schoolId());
        }
        Map<String, List<AttestationDocument>> attestations = store.findPage(AttestationDocument.class,
                        attestedIn, "position", Long.MIN_VALUE, Integer.MAX_VALUE)
                .stream().collect(Collectors.groupingBy(a -> a.schoolId() + "/" + a.standardId()));
        ClusterMemberships clusters = SchoolPlacement.clustersOf(
                store.findById(TrustClustersDocument.class, query.trustId()));
        List<ComplianceEntryView> entries = new ArrayList<>();
        for (SchoolDocument school : schools) {
            Map<String, RuleInForceView> rules = RulesInForce.forSchool(standards,
                            variations.getOrDefault(school.id(), List.of()), asOf, knownAt,
                            SchoolPlacement.of(school, clusters)).stream()
                    .collect(Collectors.toMap(RuleInForceView::standardId, r -> r, (a, b) -> a));
            for (StandardVersionView version : backbone) {
                RuleInForceView rule = rules.get(version.standardId());
                entries.add(rule == null ? Compliance.notApplicable(school.id(), version)
                        : Compliance.of(school.id(), rule, standardById.get(version.standardId()),
                                attestations.getOrDefault(school.id() + "/" + version.standardId(), List.of()),
                                asOf, knownAt));
            }
        }
        return entries;
    }

    /**
     * What the compliance view says each school owes in today's period, trust by trust (the trusts are few; each
     * trust's view is one computation, as the board's grid is), less what is already recorded as fallen due. Owed:
     * DUE or OVERDUE, or CHALLENGED where the challenged attestation is an earlier period's (the school still owes
     * this one). ATTESTED, an exception in force, NOT_REQUIRED and NOT_APPLICABLE owe nothing.
     */
    @QueryHandler
    public List<AttestationFallenDue> handle(FindAttestationsFallenDueQuery query) {
        List<AttestationFallenDue> due = new ArrayList<>();
        for (TrustDocument trust : store.findAll(TrustDocument.class)) {
            if (trust.standardIds() == null || trust.standardIds().isEmpty()) {
                continue;
            }
            List<AttestationFallenDue> owed = handle(new FindComplianceQuery(trust.id(), null, query.today(),
                    query.now())).stream()
                    .filter(c -> c.periodStart() != null && owes(c))
                    .map(c -> new AttestationFallenDue(trust.id(), c.schoolId(), c.standardId(), c.periodStart()))
                    .toList();
            Map<String, AttestationFallenDue> byId = new LinkedHashMap<>();
            owed.forEach(d -> byId.put(RecordAttestationDueCommand.idOf(d.trustId(), d.schoolId(), d.standardId(),
                    d.periodStart()), d));
            store.findByIds(AttestationDueDocument.class, byId.keySet(), AttestationDueDocument::dueId)
                    .forEach(recorded -> byId.remove(recorded.dueId()));
            due.addAll(byId.values());
        }
        return due;
    }

    private static boolean owes(ComplianceEntryView cell) {
        return switch (cell.state()) {
            case DUE, OVERDUE -> true;
            case CHALLENGED -> cell.attestation() == null || cell.attestation().attestedAt() == null
                    || cell.attestation().attestedAt().atZone(ZoneOffset.UTC).toLocalDate()
                    .isBefore(cell.periodStart());
            default -> false;
        };
    }
}
