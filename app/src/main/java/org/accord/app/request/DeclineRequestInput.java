package org.accord.app.request;

public record DeclineRequestInput(String clientMutationId, String requestId, String reason) {
}
