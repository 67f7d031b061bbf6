package org.accord.api.variation;

public record DueVariation(String standardId, String variationId) {
}
