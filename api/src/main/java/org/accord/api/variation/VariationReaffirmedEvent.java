package org.accord.api.variation;

import java.time.Instant;
import java.time.LocalDate;

/** The variation now stands against {@code version}, justified afresh, until {@code until} (review or expiry). */
public record VariationReaffirmedEvent(String variationId, String standardId, String trustId, String schoolId,
                                       int version, String justification, LocalDate until, String reaffirmedBy,
                                       Instant reaffirmedAt) {
}
