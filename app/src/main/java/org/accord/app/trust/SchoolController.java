package org.accord.app.trust;

import java.util.List;

import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.RegisterSchoolCommand;
import org.accord.api.trust.SchoolView;
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
public class SchoolController {

    private final Commands commands;
    private final Queries queries;

    public SchoolController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @QueryMapping
    public SchoolView school(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        SchoolView school = queries.first(new FindSchoolsQuery(List.of(id)), SchoolView.class);
        return school != null && caller.mayRead(school.trustId()) ? school : null;
    }

    @MutationMapping
    public RegisterSchoolPayload registerSchool(@Argument RegisterSchoolInput input,
                                                @AuthenticationPrincipal AccordUser caller) {
        String schoolId = commands.send(new RegisterSchoolCommand(input.trustId(), Ids.next(), input.name(),
                input.phase()), caller.personId(), input.clientMutationId(), input);
        return new RegisterSchoolPayload(input.clientMutationId(),
                queries.first(new FindSchoolsQuery(List.of(schoolId)), SchoolView.class));
    }

    @SchemaMapping(typeName = "School")
    public TrustView trust(SchoolView school) {
        return queries.one(new FindTrustQuery(school.trustId()), TrustView.class);
    }
}
