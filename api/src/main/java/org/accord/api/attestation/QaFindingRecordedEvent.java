package org.accord.api.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A quality-assurance visit on {@code visitedOn} confirmed or challenged a school's attestation; the latest finding
 * stands (a follow-up visit may confirm what an earlier one challenged).
 */
public record QaFindingRecordedEvent(String attestationId, String trustId, String schoolId, String standardId,
                                     int version, QaOutcome outcome, String notes, List<String> actions,
                                     LocalDate followUpBy, LocalDate visitedOn, String recordedBy,
                                     Instant recordedAt) {
}
