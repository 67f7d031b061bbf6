package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code expectedRevision}, when given, is the revision the client edited: if someone revised the proposal since,
 * the revision is refused as a conflict rather than silently overwriting theirs.
 */
public record ReviseProposalCommand(@TargetAggregateIdentifier String proposalId, ProposalChanges changes,
                                    String note, Integer expectedRevision) {
}
