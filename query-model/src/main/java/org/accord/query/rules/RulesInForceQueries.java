package org.accord.query.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.accord.api.rules.FindBackboneQuery;
import org.accord.api.rules.FindRulesInForceQuery;
import org.accord.api.rules.RuleInForceView;
import org.accord.api.rules.RulesInForceAnswer;
import org.accord.api.standard.StandardVersionView;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.standard.StandardDocument;
import org.accord.query.standard.StandardQueries;
import org.accord.query.trust.SchoolDocument;
import org.accord.query.trust.SchoolPlacement;
import org.accord.query.trust.TrustClustersDocument;
import org.accord.query.trust.TrustDocument;
import org.accord.query.variation.VariationDocument;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers from read models by key lookups and one indexed lookup: the school, its trust, the trust's standards, and
 * the school's variations.
 */
@Component
public class RulesInForceQueries {

    private final ReadModelStore store;

    public RulesInForceQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public RulesInForceAnswer handle(FindRulesInForceQuery query) {
        SchoolDocument school = store.findById(SchoolDocument.class, query.schoolId());
        if (school == null || school.trustId() == null) {
            return new RulesInForceAnswer(List.of(), List.of());
        }
        List<VariationDocument> variations = store.findPage(VariationDocument.class, Map.of("schoolId", school.id()),
                "position", Long.MIN_VALUE, Integer.MAX_VALUE);
        List<StandardDocument> standards = standardsOf(school.trustId());
        List<RuleInForceView> rules = RulesInForce.forSchool(standards, variations, asOf(query.asOf()),
                knownAt(query.knownAt()), placement(school));
        Set<String> ruled = rules.stream().map(RuleInForceView::standardId).collect(Collectors.toSet());
        return new RulesInForceAnswer(rules, standards.stream().filter(s -> ruled.contains(s.id()))
                .map(StandardQueries::view).toList());
    }

    @QueryHandler
    public List<StandardVersionView> handle(FindBackboneQuery query) {
        SchoolPlacement school = null;
        if (query.schoolId() != null) {
            SchoolDocument found = store.findById(SchoolDocument.class, query.schoolId());
            if (found == null || !query.trustId().equals(found.trustId())) {
                return List.of();
            }
            school = placement(found);
        }
        return RulesInForce.backbone(standardsOf(query.trustId()), asOf(query.asOf()), knownAt(query.knownAt()),
                school);
    }

    /** The school with its phase changes and its trust's cluster memberships: what applicability is judged by. */
    private SchoolPlacement placement(SchoolDocument school) {
        return SchoolPlacement.of(school, SchoolPlacement.clustersOf(
                store.findById(TrustClustersDocument.class, school.trustId())));
    }

    private List<StandardDocument> standardsOf(String trustId) {
        TrustDocument trust = store.findById(TrustDocument.class, trustId);
        return trust == null ? List.of()
                : store.findByIds(StandardDocument.class, trust.standardIds(), StandardDocument::id);
    }

    private static LocalDate asOf(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
    }

    private static Instant knownAt(Instant knownAt) {
        return knownAt != null ? knownAt : Instant.now();
    }
}
