package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/** A school left {@code fromClusterId} and belongs to {@code toClusterId} from {@code effectiveFrom}. */
public record SchoolMovedClusterEvent(String trustId, String schoolId, String fromClusterId, String toClusterId,
                                      LocalDate effectiveFrom, String movedBy, Instant recordedAt) {
}
