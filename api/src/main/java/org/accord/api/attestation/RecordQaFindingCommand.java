package org.accord.api.attestation;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A trust quality-assurance visit's finding against an attestation. CHALLENGED needs the actions agreed and a
 * follow-up date; {@code visitedOn} absent: today.
 */
public record RecordQaFindingCommand(@TargetAggregateIdentifier String attestationId, QaOutcome outcome,
                                     String notes, List<String> actions, LocalDate followUpBy,
                                     LocalDate visitedOn) {
}
