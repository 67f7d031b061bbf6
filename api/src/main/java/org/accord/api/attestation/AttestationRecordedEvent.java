package org.accord.api.attestation;

import java.time.Instant;
import java.util.List;

import org.accord.api.standard.AttestationCadence;

/**
 * A school confirmed it meets a standard version, under that version's cadence. Valid and record time are one here:
 * an attestation speaks for the day it is made ({@code attestedAt}), never for an earlier one.
 */
public record AttestationRecordedEvent(String attestationId, String trustId, String schoolId, String standardId,
                                       int version, AttestationCadence cadence, String statement,
                                       List<String> evidence, String attestedBy, Instant attestedAt) {
}
