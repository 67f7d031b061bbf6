package org.accord.api.variation;

public record FindVariationQuery(String variationId) {
}
