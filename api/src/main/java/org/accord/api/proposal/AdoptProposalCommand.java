package org.accord.api.proposal;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The trust adopts a RATIFIED proposal into its backbone. {@code effectiveFrom} and {@code reviewBy} override the
 * proposal's; when neither gives an effective date, the standard takes effect on the day of adoption.
 * {@code newStandardId}: the id a NEW_STANDARD proposal's standard gets (null: Accord makes one up).
 * {@code clusterId}: for an area the trust's decision-rights map leaves to clusters, the cluster whose lead adopts
 * it as a cluster standard (null: a standard of the whole trust).
 */
public record AdoptProposalCommand(@TargetAggregateIdentifier String proposalId, LocalDate effectiveFrom,
                                   LocalDate reviewBy, String newStandardId, String clusterId) {

    public AdoptProposalCommand(String proposalId, LocalDate effectiveFrom, LocalDate reviewBy,
                                String newStandardId) {
        this(proposalId, effectiveFrom, reviewBy, newStandardId, null);
    }

    public AdoptProposalCommand(String proposalId, LocalDate effectiveFrom, LocalDate reviewBy) {
        this(proposalId, effectiveFrom, reviewBy, null, null);
    }
}
