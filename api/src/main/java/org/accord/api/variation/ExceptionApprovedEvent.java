package org.accord.api.variation;

import java.time.Instant;

public record ExceptionApprovedEvent(String variationId, String standardId, String trustId, String schoolId,
                                     String note, String approvedBy, Instant approvedAt) {
}
