package org.accord.app.variation;

import org.accord.api.variation.VariationView;

public record ReaffirmVariationPayload(String clientMutationId, VariationView variation) {
}
