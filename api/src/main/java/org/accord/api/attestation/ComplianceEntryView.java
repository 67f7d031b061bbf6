package org.accord.api.attestation;

import java.time.LocalDate;

import org.accord.api.standard.AttestationCadence;

/**
 * One cell of the compliance view: a school against a standard's version in force on the date asked about.
 * {@code periodStart}/{@code dueBy}: the attestation period the date falls in (null for cadence NONE and where the
 * standard does not apply); {@code attestation}: the one that counts (this period's, else the previous one's), if any.
 */
public record ComplianceEntryView(String schoolId, String standardId, int version, AttestationCadence cadence,
                                  ComplianceState state, LocalDate periodStart, LocalDate dueBy,
                                  AttestationView attestation) {
}
