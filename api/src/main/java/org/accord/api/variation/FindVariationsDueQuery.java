package org.accord.api.variation;

import java.time.LocalDate;

/** Open variations whose review or expiry date is on or before {@code today}. */
public record FindVariationsDueQuery(LocalDate today) {
}
