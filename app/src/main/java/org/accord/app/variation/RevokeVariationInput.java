package org.accord.app.variation;

public record RevokeVariationInput(String clientMutationId, String variationId, String reason) {
}
