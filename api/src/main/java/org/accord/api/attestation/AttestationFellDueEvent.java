package org.accord.api.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.AttestationCadence;

/**
 * A school's attestation of a standard version fell due for the period from {@code periodStart} to {@code dueBy}:
 * Accord told the school's headteachers ({@code headteacherIds}, ids only; empty when the school has none on
 * record). Recorded once per school × standard × period, by Accord.
 */
public record AttestationFellDueEvent(String dueId, String trustId, String schoolId, String standardId, int version,
                                      AttestationCadence cadence, LocalDate periodStart, LocalDate dueBy,
                                      List<String> headteacherIds, Instant recordedAt) {
}
