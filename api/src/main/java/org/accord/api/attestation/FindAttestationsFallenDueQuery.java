package org.accord.api.attestation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Across every trust: each school × standard that owes an attestation in the period {@code today} falls in (due,
 * overdue, or challenged with nothing attested this period) whose falling due Accord has not recorded yet. Answers a
 * list of {@link AttestationFallenDue}.
 */
public record FindAttestationsFallenDueQuery(LocalDate today, Instant now) {
}
