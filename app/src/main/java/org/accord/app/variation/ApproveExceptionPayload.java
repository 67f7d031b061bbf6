package org.accord.app.variation;

import org.accord.api.variation.VariationView;

public record ApproveExceptionPayload(String clientMutationId, VariationView variation) {
}
