package org.accord.api.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A page of the compliance view ({@link FindComplianceQuery}'s cells, in the same order: schools in the trust's order,
 * each with the standards in force in the trust's order), of one school if {@code schoolId}, narrowed to
 * {@code states} if any: at most {@code first} cells after the cursor {@code after}. Answers a {@link CompliancePage}.
 */
public record FindCompliancePageQuery(String trustId, String schoolId, Set<ComplianceState> states, LocalDate asOf,
                                      Instant knownAt, int first, String after) {
}
