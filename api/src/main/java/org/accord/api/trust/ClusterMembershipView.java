package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of a school's cluster: from {@code effectiveFrom} the school belongs to {@code clusterId}, or to no
 * cluster when it is null; recorded at {@code recordedAt} by {@code recordedBy}.
 */
public record ClusterMembershipView(String schoolId, String clusterId, LocalDate effectiveFrom, Instant recordedAt,
                                    String recordedBy) {
}
