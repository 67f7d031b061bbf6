package org.accord.api.rules;

import java.time.Instant;
import java.time.LocalDate;

/** {@code asOf}: the date the rules apply to (valid time). {@code knownAt}: the moment of record to answer as of. */
public record FindRulesInForceQuery(String schoolId, LocalDate asOf, Instant knownAt) {
}
