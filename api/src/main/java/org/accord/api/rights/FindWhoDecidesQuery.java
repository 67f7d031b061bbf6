package org.accord.api.rights;

import java.time.Instant;
import java.time.LocalDate;

import org.accord.api.standard.Area;

/** Who decides {@code area} (and optionally its {@code topic}) for a school on {@code asOf}, as known at knownAt. */
public record FindWhoDecidesQuery(String schoolId, Area area, String topic, LocalDate asOf, Instant knownAt) {
}
