package org.accord.app.person;

public record ErasePersonInput(String clientMutationId, String personId) {
}
