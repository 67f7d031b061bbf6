package org.accord.app.variation;

import org.accord.api.variation.VariationView;

public record RevokeVariationPayload(String clientMutationId, VariationView variation) {
}
