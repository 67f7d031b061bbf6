package org.accord.app.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.ProposalView;
import org.accord.api.rules.FindBackboneQuery;
import org.accord.api.rules.FindRulesInForceQuery;
import org.accord.api.rules.RuleInForceView;
import org.accord.api.rules.RulesInForceAnswer;
import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.standard.StandardView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The backbone: standards and their versions, and the rules in force for a school. */
@Controller
public class StandardController {

    private final Queries queries;

    public StandardController(Queries queries) {
        this.queries = queries;
    }

    @QueryMapping
    public StandardView standard(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        StandardView standard = find(id);
        return standard != null && caller.mayRead(standard.trustId()) ? standard : null;
    }

    @QueryMapping
    public List<StandardVersionView> backbone(@Argument String trustId, @Argument LocalDate asOf,
                                              @Argument Instant knownAt, @Argument String schoolId,
                                              @AuthenticationPrincipal AccordUser caller) {
        if (!caller.mayRead(trustId)) {
            return List.of();
        }
        return queries.list(new FindBackboneQuery(trustId, asOf, knownAt, schoolId), StandardVersionView.class);
    }

    @QueryMapping
    public List<RuleInForce> rulesInForce(@Argument String schoolId, @Argument LocalDate asOf,
                                          @Argument Instant knownAt, @AuthenticationPrincipal AccordUser caller) {
        SchoolView school = queries.first(new FindSchoolsQuery(List.of(schoolId)), SchoolView.class);
        if (school == null || !caller.mayRead(school.trustId())) {
            return List.of();
        }
        return rules(schoolId, asOf, knownAt);
    }

    /** Every school's rules in force at once, as the board's variation map shows them; empty for another trust. */
    @QueryMapping
    public VariationMap variationMap(@Argument String trustId, @Argument LocalDate asOf, @Argument Instant knownAt,
                                     @AuthenticationPrincipal AccordUser caller) {
        TrustView trust = caller.mayRead(trustId) ? queries.one(new FindTrustQuery(trustId), TrustView.class) : null;
        if (trust == null) {
            return VariationMap.empty();
        }
        Map<SchoolView, List<RuleInForce>> rulesBySchool = new LinkedHashMap<>();
        for (SchoolView school : queries.list(new FindSchoolsQuery(trust.schoolIds()), SchoolView.class)) {
            rulesBySchool.put(school, rules(school.id(), asOf, knownAt));
        }
        return VariationMap.of(rulesBySchool);
    }

    @SchemaMapping(typeName = "School", field = "rulesInForce")
    public List<RuleInForce> schoolRules(SchoolView school, @Argument LocalDate asOf, @Argument Instant knownAt) {
        return rules(school.id(), asOf, knownAt);
    }

    @SchemaMapping(typeName = "Trust", field = "standards")
    public List<StandardView> trustStandards(TrustView trust) {
        return queries.list(new FindStandardsQuery(trust.standardIds()), StandardView.class);
    }

    @SchemaMapping(typeName = "Standard", field = "trust")
    public TrustView standardTrust(StandardView standard) {
        return queries.one(new FindTrustQuery(standard.trustId()), TrustView.class);
    }

    @SchemaMapping(typeName = "StandardVersion", field = "standard")
    public StandardView versionStandard(StandardVersionView version) {
        return find(version.standardId());
    }

    @SchemaMapping(typeName = "StandardVersion", field = "adoptedBy")
    public PersonView adoptedBy(StandardVersionView version) {
        return queries.first(new FindPeopleQuery(List.of(version.adoptedBy())), PersonView.class);
    }

    @SchemaMapping(typeName = "StandardVersion", field = "proposal")
    public ProposalView proposal(StandardVersionView version) {
        return version.proposalId() == null ? null
                : queries.one(new FindProposalQuery(version.proposalId()), ProposalView.class);
    }

    @SchemaMapping(typeName = "Proposal", field = "standard")
    public StandardView proposalStandard(ProposalView proposal) {
        return proposal.standardId() == null ? null : find(proposal.standardId());
    }

    /**
     * The answer carries the standards its rules were computed from: each rule is given its own, and any the answer
     * lacks are looked up once for all.
     */
    private List<RuleInForce> rules(String schoolId, LocalDate asOf, Instant knownAt) {
        RulesInForceAnswer answer = queries.one(new FindRulesInForceQuery(schoolId, asOf, knownAt),
                RulesInForceAnswer.class);
        if (answer == null) {
            return List.of();
        }
        Map<String, StandardView> byId = new HashMap<>();
        answer.standards().forEach(standard -> byId.put(standard.id(), standard));
        List<String> missing = answer.rules().stream().map(RuleInForceView::standardId).distinct()
                .filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            queries.list(new FindStandardsQuery(missing), StandardView.class)
                    .forEach(standard -> byId.put(standard.id(), standard));
        }
        List<RuleInForce> rules = new ArrayList<>(answer.rules().size());
        for (RuleInForceView rule : answer.rules()) {
            StandardView standard = byId.get(rule.standardId());
            if (standard != null) {
                rules.add(new RuleInForce(standard, rule.version(), rule.alignment(), rule.variation(),
                        rule.status()));
            }
        }
        return rules;
    }

    private StandardView find(String id) {
        return queries.first(new FindStandardsQuery(List.of(id)), StandardView.class);
    }
}
