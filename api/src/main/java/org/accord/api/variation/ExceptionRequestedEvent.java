package org.accord.api.variation;

import java.time.Instant;
import java.time.LocalDate;

public record ExceptionRequestedEvent(String variationId, String standardId, String trustId, String schoolId,
                                      int version, String description, String justification, LocalDate expiresOn,
                                      String requestedBy, Instant requestedAt) {
}
