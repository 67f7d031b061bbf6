package org.accord.api.review;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A review found the standard needs changing or ending: an AMEND_STANDARD (against the current version) or
 * RETIRE_STANDARD proposal is drafted in {@code teamId} from it, linked to the review.
 */
public record RaiseReviewProposalCommand(@TargetAggregateIdentifier String standardId, String proposalId,
                                         String teamId, ProposalKind kind, ProposalContent content) {
}
