package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A school is of {@code phase} from {@code effectiveFrom} (valid time), as recorded at {@code changedAt} (record
 * time): from that day the standards that apply to the new phase apply to it, and those only of the old one no longer.
 */
public record SchoolPhaseChangedEvent(String trustId, String schoolId, SchoolPhase phase, SchoolPhase previousPhase,
                                      LocalDate effectiveFrom, String reason, String changedBy, Instant changedAt) {
}
