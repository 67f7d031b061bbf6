package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code standardId} for AMEND and RETIRE; {@code amendsVersion} for AMEND. */
public record DraftProposalCommand(@TargetAggregateIdentifier String proposalId, String teamId, ProposalKind kind,
                                   String standardId, Integer amendsVersion, ProposalContent content) {
}
