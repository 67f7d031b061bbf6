package org.accord.api.variation;

import java.time.Instant;

public record ExceptionDeclinedEvent(String variationId, String standardId, String trustId, String schoolId,
                                     String reason, String declinedBy, Instant declinedAt) {
}
