package org.accord.app.person;

import java.util.Set;

import org.accord.api.trust.PersonRole;

public record RegisterPersonInput(String clientMutationId, String trustId, String displayName, Set<PersonRole> roles,
                                  String schoolId) {

    /** Without the name: this text is what a retry's fingerprint is made of, and what a log line would show. */
    @Override
    public String toString() {
        return "RegisterPersonInput[clientMutationId=" + clientMutationId + ", trustId=" + trustId + ", roles=" + roles
                + ", schoolId=" + schoolId + "]";
    }
}
