package org.accord.app.variation;

public record WithdrawVariationInput(String clientMutationId, String variationId, String reason) {
}
