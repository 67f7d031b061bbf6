package org.accord.app.variation;

import org.accord.api.variation.VariationView;

public record RequestExceptionPayload(String clientMutationId, VariationView variation) {
}
