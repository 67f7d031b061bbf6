package org.accord.api.attestation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The trust's compliance view (every school × every standard version in force), or one school's ({@code schoolId}),
 * on {@code asOf} (valid time, default today) as recorded at {@code knownAt} (record time, default now). Answers a
 * list of {@link ComplianceEntryView}.
 */
public record FindComplianceQuery(String trustId, String schoolId, LocalDate asOf, Instant knownAt) {
}
