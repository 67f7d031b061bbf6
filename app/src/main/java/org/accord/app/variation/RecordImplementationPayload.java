package org.accord.app.variation;

import org.accord.api.variation.VariationView;

public record RecordImplementationPayload(String clientMutationId, VariationView variation) {
}
