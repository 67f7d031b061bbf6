package org.accord.app.variation;

public record ApproveExceptionInput(String clientMutationId, String variationId, String note) {
}
