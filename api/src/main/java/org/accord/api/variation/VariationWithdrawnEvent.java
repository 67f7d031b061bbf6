package org.accord.api.variation;

import java.time.Instant;

public record VariationWithdrawnEvent(String variationId, String standardId, String trustId, String schoolId,
                                      String reason, String withdrawnBy, Instant withdrawnAt) {
}
