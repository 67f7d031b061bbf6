package org.accord.api.variation;

import java.time.Instant;

public record VariationRevokedEvent(String variationId, String standardId, String trustId, String schoolId,
                                    String reason, String revokedBy, Instant revokedAt) {
}
