package org.accord.query.trust;

import java.util.List;
import java.util.Set;

import org.accord.api.trust.PersonRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's roles and teams, and whether their details were erased; pseudonymous like the events it is projected
 * from. The teams are bounded by the person (the few they sit on), each added once when they join.
 */
@Document("people")
public record PersonDocument(@Id String id, String trustId, Set<PersonRole> roles, String schoolId,
                             List<String> teamIds, Boolean erased) {

    public Set<PersonRole> roles() {
        return roles == null ? Set.of() : roles;
    }

    public List<String> teamIds() {
        return teamIds == null ? List.of() : teamIds;
    }
}
