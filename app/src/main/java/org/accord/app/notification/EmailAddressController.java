package org.accord.app.notification;

import java.util.List;
import java.util.regex.Pattern;

import org.accord.api.shared.DomainException;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.PersonView;
import org.accord.app.person.PersonDirectory;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Queries;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/**
 * Where a person's notifications are mailed. The address is contact detail, so it lives in the erasable person
 * directory beside the name, never in an event: setting it records no event (nothing of governance happened), and
 * erasing the person removes it with the name.
 */
@Controller
public class EmailAddressController {

    /** Deliberately loose: one @, no spaces, a dot in the domain; the mail server is the judge of the rest. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_LENGTH = 254;

    private final Queries queries;
    private final PersonDirectory directory;

    public EmailAddressController(Queries queries, PersonDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    @MutationMapping
    public SetEmailAddressPayload setEmailAddress(@Argument SetEmailAddressInput input,
                                                  @AuthenticationPrincipal AccordUser caller) {
        PersonView person = input.personId() == null ? null
                : queries.first(new FindPeopleQuery(List.of(input.personId())), PersonView.class);
        if (person == null || !caller.mayRead(person.trustId())) {
            throw DomainException.notFound("unknown person '" + input.personId() + "'");
        }
        if (!person.id().equals(caller.personId()) && !isExecutive(caller)) {
            throw DomainException.forbidden("only the person themselves or a trust executive may set a person's"
                    + " e-mail address");
        }
        String email = input.email() == null || input.email().isBlank() ? null : input.email().strip();
        if (email != null && (email.length() > MAX_LENGTH || !ADDRESS.matcher(email).matches())) {
            throw DomainException.badRequest("email is not an e-mail address (name@school.example, at most "
                    + MAX_LENGTH + " characters)");
        }
        PersonDirectory.Entry entry = directory.find(person.id());
        if (entry == null || entry.erased()) {
            throw DomainException.badRequest("person '" + person.id() + "' was erased: no contact details are kept");
        }
        directory.recordEmail(person.id(), email);
        return new SetEmailAddressPayload(input.clientMutationId(), person);
    }

    /** The caller's own address only: nobody reads another person's through Me. */
    @SchemaMapping(typeName = "Me", field = "email")
    public String email(PersonView me, @AuthenticationPrincipal AccordUser caller) {
        return me.id().equals(caller.personId()) ? directory.email(me.id()) : null;
    }

    private boolean isExecutive(AccordUser caller) {
        PersonView me = queries.first(new FindPeopleQuery(List.of(caller.personId())), PersonView.class);
        return me != null && me.roles().contains(PersonRole.TRUST_EXECUTIVE);
    }
}
