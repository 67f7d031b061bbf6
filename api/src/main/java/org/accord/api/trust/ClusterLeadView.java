package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/** Who led a cluster from a date (valid time), as recorded at a moment (record time). */
public record ClusterLeadView(String leadId, LocalDate effectiveFrom, Instant recordedAt, String namedBy) {
}
