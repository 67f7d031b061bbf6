package org.accord.app.person;

import org.accord.api.trust.PersonView;

public record ErasePersonPayload(String clientMutationId, PersonView person) {
}
