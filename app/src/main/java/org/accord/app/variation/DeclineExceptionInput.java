package org.accord.app.variation;

public record DeclineExceptionInput(String clientMutationId, String variationId, String reason) {
}
