package org.accord.app.notification;

import org.accord.api.trust.PersonView;

public record SetEmailAddressPayload(String clientMutationId, PersonView person) {
}
