package org.accord.app.person;

import org.accord.api.trust.PersonView;

public record RegisterPersonPayload(String clientMutationId, PersonView person) {
}
