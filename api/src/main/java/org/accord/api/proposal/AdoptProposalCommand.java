package org.accord.api.proposal;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The trust adopts a RATIFIED proposal into its backbone. {@code effectiveFrom} and {@code reviewBy} override the
 * proposal's; when neither gives an effective date, the standard takes effect on the day of adoption.
 * {@code newStandardId}: the id a NEW_STANDARD proposal's standard gets (null: Accord makes one up).
 */
public record AdoptProposalCommand(@TargetAggregateIdentifier String proposalId, LocalDate effectiveFrom,
                                   LocalDate reviewBy, String newStandardId) {

    public AdoptProposalCommand(String proposalId, LocalDate effectiveFrom, LocalDate reviewBy) {
        this(proposalId, effectiveFrom, reviewBy, null);
    }
}
