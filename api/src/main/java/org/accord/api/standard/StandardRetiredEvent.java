package org.accord.api.standard;

import java.time.Instant;
import java.time.LocalDate;

/** The standard is no longer in force from {@code retiredOn}; the variations made against it end then. */
public record StandardRetiredEvent(String standardId, String trustId, LocalDate retiredOn, String proposalId,
                                   String retiredBy, Instant retiredAt) {
}
