package org.accord.app.person;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.api.trust.ErasePersonCommand;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.RegisterPersonCommand;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustView;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Ids;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** People ({@code Person}) and the caller ({@code Me}): roles from the read model, names from the directory. */
@Controller
public class PersonController {

    private final Commands commands;
    private final Queries queries;
    private final PersonDirectory directory;

    public PersonController(Commands commands, Queries queries, PersonDirectory directory) {
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
    }

    @QueryMapping
    public PersonView me(@AuthenticationPrincipal AccordUser caller) {
        PersonView me = queries.first(new FindPeopleQuery(List.of(caller.personId())), PersonView.class);
        return me != null ? me : new PersonView(caller.personId(), caller.trustId(), Set.of(), null, List.of());
    }

    @QueryMapping
    public PersonView person(@Argument String id, @AuthenticationPrincipal AccordUser caller) {
        PersonView person = queries.first(new FindPeopleQuery(List.of(id)), PersonView.class);
        return person != null && caller.mayRead(person.trustId()) ? person : null;
    }

    @MutationMapping
    public RegisterPersonPayload registerPerson(@Argument RegisterPersonInput input,
                                                @AuthenticationPrincipal AccordUser caller) {
        String personId = commands.send(new RegisterPersonCommand(input.trustId(), Ids.next(), input.displayName(),
                input.roles(), input.schoolId()), caller.personId(), input.clientMutationId(), input);
        return new RegisterPersonPayload(input.clientMutationId(),
                queries.first(new FindPeopleQuery(List.of(personId)), PersonView.class));
    }

    @MutationMapping
    public ErasePersonPayload erasePerson(@Argument ErasePersonInput input, @AuthenticationPrincipal AccordUser caller) {
        commands.send(new ErasePersonCommand(caller.trustId(), input.personId()), caller.personId(),
                input.clientMutationId(), input);
        return new ErasePersonPayload(input.clientMutationId(),
                queries.first(new FindPeopleQuery(List.of(input.personId())), PersonView.class));
    }

    @BatchMapping(typeName = "Person", field = "displayName")
    public Map<PersonView, String> personDisplayName(List<PersonView> people) {
        return displayNames(people);
    }

    @BatchMapping(typeName = "Me", field = "displayName")
    public Map<PersonView, String> myDisplayName(List<PersonView> people) {
        return displayNames(people);
    }

    @BatchMapping(typeName = "Person", field = "nameErased")
    public Map<PersonView, Boolean> personNameErased(List<PersonView> people) {
        return namesErased(people);
    }

    @BatchMapping(typeName = "Me", field = "nameErased")
    public Map<PersonView, Boolean> myNameErased(List<PersonView> people) {
        return namesErased(people);
    }

    @SchemaMapping(typeName = "Person", field = "school")
    public SchoolView personSchool(PersonView person) {
        return schoolOf(person);
    }

    @SchemaMapping(typeName = "Me", field = "school")
    public SchoolView mySchool(PersonView me) {
        return schoolOf(me);
    }

    @SchemaMapping(typeName = "Me", field = "trust")
    public TrustView myTrust(PersonView me) {
        return queries.one(new FindTrustQuery(me.trustId()), TrustView.class);
    }

    @SchemaMapping(typeName = "Me", field = "teams")
    public List<TeamView> myTeams(PersonView me) {
        return queries.list(new FindTeamsQuery(me.teamIds()), TeamView.class);
    }

    private SchoolView schoolOf(PersonView person) {
        return person.schoolId() == null ? null
                : queries.first(new FindSchoolsQuery(List.of(person.schoolId())), SchoolView.class);
    }

    /**
     * True only where the directory keeps the erasure (the entry without its name): a person with no entry at all has
     * lost their name to a restore (or was never registered), and is not shown as erased.
     */
    private Map<PersonView, Boolean> namesErased(List<PersonView> people) {
        Map<String, PersonDirectory.Entry> entries = directory.entries(people.stream().map(PersonView::id).toList());
        return people.stream().collect(Collectors.toMap(Function.identity(),
                p -> entries.containsKey(p.id()) && entries.get(p.id()).erased(), (a, b) -> a));
    }

    private Map<PersonView, String> displayNames(List<PersonView> people) {
        Map<String, String> names = directory.displayNames(people.stream().map(PersonView::id).toList());
        return people.stream().filter(p -> names.containsKey(p.id()))
                .collect(Collectors.toMap(Function.identity(), p -> names.get(p.id()), (a, b) -> a));
    }
}
