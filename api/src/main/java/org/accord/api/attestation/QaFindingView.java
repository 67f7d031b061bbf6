package org.accord.api.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record QaFindingView(QaOutcome outcome, String notes, List<String> actions, LocalDate followUpBy,
                            LocalDate visitedOn, String recordedBy, Instant recordedAt) {
}
