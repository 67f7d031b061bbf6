package org.accord.api.trust;

import java.util.List;
import java.util.Set;

/** A person as the read model knows them: ids and roles only (names come from the person directory). */
public record PersonView(String id, String trustId, Set<PersonRole> roles, String schoolId, List<String> teamIds) {
}
