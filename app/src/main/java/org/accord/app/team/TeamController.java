package org.accord.app.team;

import java.util.List;

import org.accord.api.team.AddTeamMemberCommand;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.FormTeamCommand;
import org.accord.api.team.RemoveTeamMemberCommand;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.TrustView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
public class TeamController {

    private final Commands commands;
    private final Queries queries;

    public TeamController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @QueryMapping
    public TeamView team(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        TeamView team = find(id);
        return team != null && caller.mayRead(team.trustId()) ? team : null;
    }

    @MutationMapping
    public FormTeamPayload formTeam(@Argument FormTeamInput input, @AuthenticationPrincipal AccordUser caller) {
        String teamId = commands.send(new FormTeamCommand(Ids.next(), input.trustId(), input.name(), input.remit(),
                input.chairId(), input.memberIds(), input.decisionRule() == null ? null : input.decisionRule().toRule()),
                caller.personId(), input.clientMutationId(), input);
        return new FormTeamPayload(input.clientMutationId(), find(teamId));
    }

    @MutationMapping
    public AddTeamMemberPayload addTeamMember(@Argument AddTeamMemberInput input,
                                              @AuthenticationPrincipal AccordUser caller) {
        commands.send(new AddTeamMemberCommand(input.teamId(), input.personId()), caller.personId(),
                input.clientMutationId(), input);
        return new AddTeamMemberPayload(input.clientMutationId(), find(input.teamId()));
    }

    @MutationMapping
    public RemoveTeamMemberPayload removeTeamMember(@Argument RemoveTeamMemberInput input,
                                                    @AuthenticationPrincipal AccordUser caller) {
        commands.send(new RemoveTeamMemberCommand(input.teamId(), input.personId()), caller.personId(),
                input.clientMutationId(), input);
        return new RemoveTeamMemberPayload(input.clientMutationId(), find(input.teamId()));
    }

    @SchemaMapping(typeName = "Team")
    public PersonView chair(TeamView team) {
        return queries.first(new FindPeopleQuery(List.of(team.chairId())), PersonView.class);
    }

    @SchemaMapping(typeName = "Team")
    public List<PersonView> members(TeamView team) {
        return queries.list(new FindPeopleQuery(team.memberIds()), PersonView.class);
    }

    @SchemaMapping(typeName = "Team")
    public TrustView trust(TeamView team) {
        return queries.one(new FindTrustQuery(team.trustId()), TrustView.class);
    }

    private TeamView find(String teamId) {
        return queries.first(new FindTeamsQuery(List.of(teamId)), TeamView.class);
    }
}
