package org.accord.api.rights;

import java.time.Instant;
import java.time.LocalDate;

/** The trust's map in force on {@code asOf} (null: today) as recorded at {@code knownAt} (null: now); null if none. */
public record FindDecisionRightsQuery(String trustId, LocalDate asOf, Instant knownAt) {
}
