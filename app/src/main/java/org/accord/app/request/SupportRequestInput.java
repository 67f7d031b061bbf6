package org.accord.app.request;

public record SupportRequestInput(String clientMutationId, String requestId, String reason) {
}
