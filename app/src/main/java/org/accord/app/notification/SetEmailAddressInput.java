package org.accord.app.notification;

public record SetEmailAddressInput(String clientMutationId, String personId, String email) {

    @Override
    public String toString() {
        // keeps the address out of logs
        return "SetEmailAddressInput[clientMutationId=" + clientMutationId + ", personId=" + personId + "]";
    }
}
