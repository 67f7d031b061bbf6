package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/** A school left its cluster and belongs to none from {@code effectiveFrom}. */
public record SchoolLeftClusterEvent(String trustId, String clusterId, String schoolId, LocalDate effectiveFrom,
                                     String recordedBy, Instant recordedAt) {
}
