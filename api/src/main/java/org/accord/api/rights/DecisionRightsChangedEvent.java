package org.accord.api.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A version of the trust's decision-rights map: the whole map, in force from {@code effectiveFrom} (valid time),
 * recorded at {@code recordedAt} (record time), with the executive's rationale.
 */
public record DecisionRightsChangedEvent(String trustId, int version, List<DecisionRight> rights,
                                         LocalDate effectiveFrom, String rationale, String changedBy,
                                         Instant recordedAt) {
}
