package org.accord.api.attestation;

import java.time.LocalDate;

/** A school × standard whose attestation is owed in the period from {@code periodStart} and not yet recorded as due. */
public record AttestationFallenDue(String trustId, String schoolId, String standardId, LocalDate periodStart) {
}
