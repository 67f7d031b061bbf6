package org.accord.app.variation;

import org.accord.api.variation.VariationView;

public record WithdrawVariationPayload(String clientMutationId, VariationView variation) {
}
