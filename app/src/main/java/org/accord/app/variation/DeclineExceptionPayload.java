package org.accord.app.variation;

import org.accord.api.variation.VariationView;

public record DeclineExceptionPayload(String clientMutationId, VariationView variation) {
}
