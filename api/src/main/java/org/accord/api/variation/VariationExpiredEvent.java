package org.accord.api.variation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The variation ended on {@code expiredOn}: its review or expiry date came without renewal, or its standard was
 * retired. Recorded by Accord itself, possibly later than the date (valid time is {@code expiredOn}).
 */
public record VariationExpiredEvent(String variationId, String standardId, String trustId, String schoolId,
                                    LocalDate expiredOn, String reason, Instant recordedAt) {
}
