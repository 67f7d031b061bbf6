package org.accord.api.trust;

import java.util.Set;

/** A person now holds roles in the trust. Pseudonymous on purpose: the name lives in the person directory. */
public record PersonRegisteredEvent(String trustId, String personId, Set<PersonRole> roles, String schoolId,
                                    String registeredBy) {
}
