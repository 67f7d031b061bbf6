package org.accord.app.attestation;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.attestation.QaOutcome;

public record RecordQaFindingInput(String clientMutationId, String attestationId, QaOutcome outcome, String notes,
                                   List<String> actions, LocalDate followUpBy, LocalDate visitedOn) {
}
