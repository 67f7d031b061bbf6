package org.accord.api.rules;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The trust's standard versions in force on {@code asOf}, as recorded at {@code knownAt}; with {@code schoolId}, only
 * those that apply to that school then.
 */
public record FindBackboneQuery(String trustId, LocalDate asOf, Instant knownAt, String schoolId) {

    public FindBackboneQuery(String trustId, LocalDate asOf, Instant knownAt) {
        this(trustId, asOf, knownAt, null);
    }
}
