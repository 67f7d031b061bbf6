package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/** The cluster a school was in on {@code asOf}, as recorded at {@code knownAt} (null: now); null when none. */
public record FindSchoolClusterQuery(String schoolId, LocalDate asOf, Instant knownAt) {
}
