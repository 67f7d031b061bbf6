package org.accord.app.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.rights.ChangeDecisionRightsCommand;
import org.accord.api.rights.DecisionRight;
import org.accord.api.rights.DecisionRightsView;
import org.accord.api.rights.FindDecisionRightsHistoryQuery;
import org.accord.api.rights.FindDecisionRightsQuery;
import org.accord.api.rights.FindStandardClusterQuery;
import org.accord.api.rights.FindWhoDecidesQuery;
import org.accord.api.rights.WhoDecidesView;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardView;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.api.trust.ClusterView;
import org.accord.api.trust.FindClustersQuery;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** The trust's decision-rights map: who decides what, at which level, since when. */
@Controller
public class DecisionRightsController {

    private final Commands commands;
    private final Queries queries;

    public DecisionRightsController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @MutationMapping
    public ChangeDecisionRightsPayload changeDecisionRights(@Argument ChangeDecisionRightsInput input,
                                                           @AuthenticationPrincipal AccordUser caller) {
        List<DecisionRight> rights = input.rights() == null ? null
                : input.rights().stream().map(r -> r == null ? null : r.toRight()).toList();
        String version = commands.send(new ChangeDecisionRightsCommand(input.trustId(), rights, input.effectiveFrom(),
                input.rationale()), caller.personId(), input.clientMutationId(), input);
        DecisionRightsView changed = queries.list(new FindDecisionRightsHistoryQuery(input.trustId()),
                DecisionRightsView.class).stream().filter(v -> String.valueOf(v.version()).equals(version)).findFirst().orElse(null);
        return new ChangeDecisionRightsPayload(input.clientMutationId(), changed);
    }

    @QueryMapping
    public WhoDecidesView whoDecides(@Argument String schoolId, @Argument Area area, @Argument String topic,
                                     @Argument LocalDate asOf, @Argument Instant knownAt,
                                     @AuthenticationPrincipal AccordUser caller) {
        SchoolView school = queries.first(new FindSchoolsQuery(List.of(schoolId)), SchoolView.class);
        if (school == null || !caller.mayRead(school.trustId())) {
            return null;
        }
        return queries.one(new FindWhoDecidesQuery(schoolId, area, topic, asOf, knownAt), WhoDecidesView.class);
    }

    @SchemaMapping(typeName = "Trust")
    public DecisionRightsView decisionRights(TrustView trust, @Argument LocalDate asOf, @Argument Instant knownAt) {
        return queries.one(new FindDecisionRightsQuery(trust.id(), asOf, knownAt), DecisionRightsView.class);
    }

    @SchemaMapping(typeName = "Trust")
    public List<DecisionRightsView> decisionRightsHistory(TrustView trust) {
        return queries.list(new FindDecisionRightsHistoryQuery(trust.id()), DecisionRightsView.class);
    }

    @SchemaMapping(typeName = "DecisionRightsMap")
    public PersonView changedBy(DecisionRightsView map) {
        return person(map.changedBy());
    }

    @SchemaMapping(typeName = "DecisionRightsMap")
    public int version(DecisionRightsView map) {
        return map.version();
    }

    @SchemaMapping(typeName = "DecisionRight")
    public TeamView team(DecisionRight right) {
        return right.teamId() == null ? null
                : queries.first(new FindTeamsQuery(List.of(right.teamId())), TeamView.class);
    }

    @SchemaMapping(typeName = "WhoDecides")
    public SchoolView school(WhoDecidesView answer) {
        return queries.first(new FindSchoolsQuery(List.of(answer.schoolId())), SchoolView.class);
    }

    @SchemaMapping(typeName = "WhoDecides")
    public ClusterView cluster(WhoDecidesView answer) {
        return cluster(answer.clusterId());
    }

    @SchemaMapping(typeName = "WhoDecides")
    public List<PersonView> deciders(WhoDecidesView answer) {
        return answer.deciderIds().isEmpty() ? List.of()
                : queries.list(new FindPeopleQuery(answer.deciderIds()), PersonView.class);
    }

    @SchemaMapping(typeName = "Standard")
    public ClusterView cluster(StandardView standard) {
        return cluster(queries.one(new FindStandardClusterQuery(standard.id()), String.class));
    }

    private ClusterView cluster(String clusterId) {
        return clusterId == null ? null : queries.first(new FindClustersQuery(List.of(clusterId)), ClusterView.class);
    }

    private PersonView person(String personId) {
        return personId == null ? null : queries.first(new FindPeopleQuery(List.of(personId)), PersonView.class);
    }
}
