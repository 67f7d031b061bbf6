package org.accord.api.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One version of a trust's decision-rights map. */
public record DecisionRightsView(String trustId, int version, List<DecisionRight> rights, LocalDate effectiveFrom,
                                 String rationale, String changedBy, Instant recordedAt) {
}
