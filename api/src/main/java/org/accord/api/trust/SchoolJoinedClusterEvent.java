package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/** A school that was in no cluster belongs to this one from {@code effectiveFrom}. */
public record SchoolJoinedClusterEvent(String trustId, String clusterId, String schoolId, LocalDate effectiveFrom,
                                       String recordedBy, Instant recordedAt) {
}
