package org.accord.app.person;

import java.util.Set;

import org.accord.api.trust.PersonRole;

public record RegisterPersonInput(String clientMutationId, String trustId, String displayName, Set<PersonRole> roles,
                                  String schoolId) {
}
