package org.accord.api.rules;

import java.time.Instant;
import java.time.LocalDate;

/** The trust's standard versions in force on {@code asOf}, as recorded at {@code knownAt}. */
public record FindBackboneQuery(String trustId, LocalDate asOf, Instant knownAt) {
}
