package org.accord.app.person;

import java.util.List;

import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.PersonView;
import org.accord.app.security.RegisteredTrusts;
import org.accord.app.shared.Queries;
import org.springframework.stereotype.Component;

/**
 * A person's trust as the directory claims it (written with the registration's events, so it is there before the id
 * is handed out), and failing that as the read model has it (rebuilt from the events: it still knows a person whose
 * directory entry an older backup lost).
 */
@Component
class RegisteredTrustsOfPeople implements RegisteredTrusts {

    private final PersonDirectory directory;
    private final Queries queries;

    RegisteredTrustsOfPeople(PersonDirectory directory, Queries queries) {
        this.directory = directory;
        this.queries = queries;
    }

    @Override
    public String trustOf(String personId) {
        PersonDirectory.Entry entry = directory.entries(List.of(personId)).get(personId);
        if (entry != null) {
            return entry.trustId();
        }
        PersonView person = queries.first(new FindPeopleQuery(List.of(personId)), PersonView.class);
        return person == null ? null : person.trustId();
    }
}
