package org.accord.api.variation;

import java.time.Instant;
import java.time.LocalDate;

public record ImplementationRecordedEvent(String variationId, String standardId, String trustId, String schoolId,
                                          int version, String description, String justification,
                                          LocalDate reviewBy, String recordedBy, Instant recordedAt) {
}
