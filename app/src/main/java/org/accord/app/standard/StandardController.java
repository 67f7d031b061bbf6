package org.accord.app.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
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
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The backbone: standards and their versions, and the rules in force for a school. */
@Controller
public class StandardController {

    /** The standards a request's rules in force were computed from, by id (see {@link #ruleStandards}). */
    private static final String STANDARDS_READ = StandardController.class.getName() + ".standardsRead";

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
    public List<RuleInForceView> rulesInForce(@Argument String schoolId, @Argument LocalDate asOf,
                                              @Argument Instant knownAt, @AuthenticationPrincipal AccordUser caller,
                                              GraphQLContext request) {
        SchoolView school = queries.first(new FindSchoolsQuery(List.of(schoolId)), SchoolView.class);
        if (school == null || !caller.mayRead(school.trustId())) {
            return List.of();
        }
        return rules(schoolId, asOf, knownAt, request);
    }

    @SchemaMapping(typeName = "School", field = "rulesInForce")
    public List<RuleInForceView> schoolRules(SchoolView school, @Argument LocalDate asOf, @Argument Instant knownAt,
                                             GraphQLContext request) {
        return rules(school.id(), asOf, knownAt, request);
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

    /**
     * The standards of every rule in an answer, from those the rules were computed from (kept for the request by
     * {@link #rules}), and one lookup for any others: resolved rule by rule, a school's rules in force cost a query
     * per standard, and looked up again, every standard of the trust was read twice (the benchmark found both).
     */
    @BatchMapping(typeName = "RuleInForce", field = "standard")
    public Map<RuleInForceView, StandardView> ruleStandards(List<RuleInForceView> rules, GraphQLContext request) {
        Map<String, StandardView> byId = new HashMap<>(request.getOrDefault(STANDARDS_READ, Map.of()));
        List<String> missing = rules.stream().map(RuleInForceView::standardId).distinct()
                .filter(id -> !byId.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            queries.list(new FindStandardsQuery(missing), StandardView.class)
                    .forEach(standard -> byId.put(standard.id(), standard));
        }
        Map<RuleInForceView, StandardView> standards = new LinkedHashMap<>();
        for (RuleInForceView rule : rules) {
            StandardView standard = byId.get(rule.standardId());
            if (standard != null) {
                standards.put(rule, standard);
            }
        }
        return standards;
    }

    @SchemaMapping(typeName = "Proposal", field = "standard")
    public StandardView proposalStandard(ProposalView proposal) {
        return proposal.standardId() == null ? null : find(proposal.standardId());
    }

    private List<RuleInForceView> rules(String schoolId, LocalDate asOf, Instant knownAt, GraphQLContext request) {
        RulesInForceAnswer answer = queries.one(new FindRulesInForceQuery(schoolId, asOf, knownAt),
                RulesInForceAnswer.class);
        if (answer == null) {
            return List.of();
        }
        Map<String, StandardView> read = request.computeIfAbsent(STANDARDS_READ, key -> new ConcurrentHashMap<>());
        answer.standards().forEach(standard -> read.put(standard.id(), standard));
        return answer.rules();
    }

    private StandardView find(String id) {
        return queries.first(new FindStandardsQuery(List.of(id)), StandardView.class);
    }
}
