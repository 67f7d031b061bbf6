package org.accord.app.trust;

import java.util.List;

import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindPersonRegistrationsQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.PersonRegistrationView;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

@Controller
public class TrustController {

    private final Queries queries;

    public TrustController(Queries queries) {
        this.queries = queries;
    }

    /** Only the caller's own trust; any other id answers null, whether or not it exists. */
    @QueryMapping
    public TrustView trust(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        return caller.mayRead(id) ? queries.one(new FindTrustQuery(id), TrustView.class) : null;
    }

    @SchemaMapping(typeName = "Trust")
    public List<SchoolView> schools(TrustView trust) {
        return queries.list(new FindSchoolsQuery(trust.schoolIds()), SchoolView.class);
    }

    @SchemaMapping(typeName = "Trust")
    public List<TeamView> teams(TrustView trust) {
        return queries.list(new FindTeamsQuery(trust.teamIds()), TeamView.class);
    }

    /**
     * Everyone the trust registered, erased people included (their name null), in the order of the read model: the
     * list the trust executive's setup page works from. A trust's own readers only (trust(id) answers null to others).
     */
    @SchemaMapping(typeName = "Trust")
    public List<PersonView> people(TrustView trust) {
        List<String> ids = queries.list(new FindPersonRegistrationsQuery(), PersonRegistrationView.class).stream()
                .filter(p -> trust.id().equals(p.trustId())).map(PersonRegistrationView::personId).toList();
        return ids.isEmpty() ? List.of() : queries.list(new FindPeopleQuery(ids), PersonView.class);
    }
}
