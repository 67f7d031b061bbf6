package org.accord.query.attestation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.accord.api.attestation.AttestationFallenDue;
import org.accord.api.attestation.AttestationView;
import org.accord.api.attestation.FindAttestationsFallenDueQuery;
import org.accord.api.attestation.RecordAttestationDueCommand;
import org.accord.api.attestation.ComplianceEntryView;
import org.accord.api.attestation.CompliancePage;
import org.accord.api.attestation.ComplianceState;
import org.accord.api.attestation.FindAttestationQuery;
import org.accord.api.attestation.FindCompliancePageQuery;
import org.accord.api.attestation.FindComplianceQuery;
import org.accord.api.rules.RuleInForceView;
import org.accord.api.shared.DomainException;
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
 * variations and attestations (one lookup each for the last two: the trust's, or the one school's), then
 * {@link RulesInForce} and {@link Compliance} per school in memory. A page of it is computed a school at a time.
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
        View view = view(query.trustId(), query.asOf(), query.knownAt());
        if (view == null) {
            return List.of();
        }
        List<String> schoolIds = view.trust.schoolIds() == null ? List.of() : view.trust.schoolIds();
        if (query.schoolId() != null) {
            schoolIds = schoolIds.contains(query.schoolId()) ? List.of(query.schoolId()) : List.of();
        }
        List<SchoolDocument> schools = store.findByIds(SchoolDocument.class, schoolIds, SchoolDocument::id);
        if (schools.isEmpty()) {
            return List.of();
        }
        // one school's view reads that school's variations and attestations (a range of each lookup), not the trust's
        Map<String, Object> bySchool = new LinkedHashMap<>();
        bySchool.put("trustId", query.trustId());
        if (query.schoolId() != null) {
            bySchool.put("schoolId", query.schoolId());
        }
        Map<String, List<VariationDocument>> variations = store.findPage(VariationDocument.class, bySchool,
                        "position", Long.MIN_VALUE, Integer.MAX_VALUE)
                .stream().collect(Collectors.groupingBy(VariationDocument::schoolId));
        Map<String, List<AttestationDocument>> attestations = store.findPage(AttestationDocument.class,
                        bySchool, "position", Long.MIN_VALUE, Integer.MAX_VALUE)
                .stream().collect(Collectors.groupingBy(AttestationDocument::schoolId));
        List<ComplianceEntryView> entries = new ArrayList<>();
        for (SchoolDocument school : schools) {
            entries.addAll(view.entriesOf(school, variations.getOrDefault(school.id(), List.of()),
                    attestations.getOrDefault(school.id(), List.of())));
        }
        return entries;
    }

    /**
     * A page of the view, computed a school at a time from the cursor's school: a page reads the trust, its
     * standards and the variations and attestations of the schools it covers (one range of each lookup per school),
     * so its cost does not grow with the number of schools. A cursor is the cell's school and standard as positions
     * in the trust's lists of schools and standards, which only grow, so it stays valid across dates and moments.
     */
    @QueryHandler
    public CompliancePage handle(FindCompliancePageQuery query) {
        View view = view(query.trustId(), query.asOf(), query.knownAt());
        int[] after = afterCursor(query.after());
        if (view == null || view.trust.schoolIds() == null) {
            return new CompliancePage(List.of(), List.of(), false);
        }
        List<String> schoolIds = view.trust.schoolIds();
        Map<String, Integer> standardPosition = new HashMap<>();
        for (int i = 0; i < view.trust.standardIds().size(); i++) {
            standardPosition.putIfAbsent(view.trust.standardIds().get(i), i);
        }
        Set<ComplianceState> states = query.states() == null || query.states().isEmpty() ? null : query.states();
        List<ComplianceEntryView> entries = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (int s = Math.max(0, after[0]); s < schoolIds.size(); s++) {
            if (query.schoolId() != null && !query.schoolId().equals(schoolIds.get(s))) {
                continue;
            }
            SchoolDocument school = store.findById(SchoolDocument.class, schoolIds.get(s));
            if (school == null) {
                continue;
            }
            Map<String, Object> bySchool = new LinkedHashMap<>(); // the lookup's fields, in its order
            bySchool.put("trustId", query.trustId());
            bySchool.put("schoolId", school.id());
            List<ComplianceEntryView> cells = view.entriesOf(school,
                    store.findPage(VariationDocument.class, bySchool, "position", Long.MIN_VALUE, Integer.MAX_VALUE),
                    store.findPage(AttestationDocument.class, bySchool, "position", Long.MIN_VALUE,
                            Integer.MAX_VALUE));
            for (ComplianceEntryView cell : cells) {
                int standard = standardPosition.getOrDefault(cell.standardId(), -1);
                if (s == after[0] && standard <= after[1] || states != null && !states.contains(cell.state())) {
                    continue;
                }
                if (entries.size() == query.first()) {
                    return new CompliancePage(entries, cursors, true);
                }
                entries.add(cell);
                cursors.add(cursor(s, standard));
            }
            if (entries.size() == query.first() && states == null) {
                // without a filter every later school has a cell for each standard in force: no need to compute one
                boolean more = !view.backbone.isEmpty() && (query.schoolId() == null
                        ? s + 1 < schoolIds.size() : false);
                return new CompliancePage(entries, cursors, more);
            }
        }
        return new CompliancePage(entries, cursors, false);
    }

    private static final String CURSOR = "compliance:";

    static String cursor(int school, int standard) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR + school + ":" + standard).getBytes(StandardCharsets.UTF_8));
    }

    /** The cell the cursor names, as {school, standard} positions; {-1, -1} without one. */
    static int[] afterCursor(String cursor) {
        if (cursor == null) {
            return new int[] {-1, -1};
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!decoded.startsWith(CURSOR)) {
                throw new IllegalArgumentException(decoded);
            }
            String[] parts = decoded.substring(CURSOR.length()).split(":");
            int[] at = {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
            if (parts.length != 2 || at[0] < 0 || at[1] < -1) {
                throw new IllegalArgumentException(decoded);
            }
            return at;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw DomainException.badRequest("after is not a cursor of the compliance view: '" + cursor + "'");
        }
    }

    /** What every school's cells are reckoned against: the trust, its standards and backbone, its clusters. */
    private View view(String trustId, LocalDate asOf, Instant knownAt) {
        TrustDocument trust = trustId == null ? null : store.findById(TrustDocument.class, trustId);
        if (trust == null) {
            return null;
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        Instant known = knownAt != null ? knownAt : Instant.now();
        List<StandardDocument> standards = trust.standardIds() == null ? List.of()
                : store.findByIds(StandardDocument.class, trust.standardIds(), StandardDocument::id);
        ClusterMemberships clusters = SchoolPlacement.clustersOf(
                store.findById(TrustClustersDocument.class, trustId));
        return new View(trust, standards, RulesInForce.backbone(standards, day, known), clusters, day, known);
    }

    private record View(TrustDocument trust, List<StandardDocument> standards, List<StandardVersionView> backbone,
                        ClusterMemberships clusters, LocalDate asOf, Instant knownAt) {

        /** The school's cells: one per standard in force, in the backbone's order. */
        List<ComplianceEntryView> entriesOf(SchoolDocument school, List<VariationDocument> variations,
                                            List<AttestationDocument> attestations) {
            Map<String, StandardDocument> standardById = new HashMap<>();
            standards.forEach(s -> standardById.putIfAbsent(s.id(), s));
            Map<String, RuleInForceView> rules = RulesInForce.forSchool(standards, variations, asOf, knownAt,
                            SchoolPlacement.of(school, clusters)).stream()
                    .collect(Collectors.toMap(RuleInForceView::standardId, r -> r, (a, b) -> a));
            Map<String, List<AttestationDocument>> byStandard = attestations.stream()
                    .collect(Collectors.groupingBy(AttestationDocument::standardId));
            List<ComplianceEntryView> entries = new ArrayList<>(backbone.size());
            for (StandardVersionView version : backbone) {
                RuleInForceView rule = rules.get(version.standardId());
                entries.add(rule == null ? Compliance.notApplicable(school.id(), version)
                        : Compliance.of(school.id(), rule, standardById.get(version.standardId()),
                                byStandard.getOrDefault(version.standardId(), List.of()), asOf, knownAt));
            }
            return entries;
        }
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
