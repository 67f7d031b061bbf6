package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/** The ids of the schools in a cluster on {@code asOf}, as recorded at {@code knownAt} (null: now). */
public record FindClusterSchoolsQuery(String clusterId, LocalDate asOf, Instant knownAt) {
}
