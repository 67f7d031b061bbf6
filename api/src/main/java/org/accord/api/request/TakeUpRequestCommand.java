package org.accord.api.request;

import org.accord.api.proposal.ProposalContent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member of a routed team takes the request up: a NEW_STANDARD proposal is drafted in that team from it. */
public record TakeUpRequestCommand(@TargetAggregateIdentifier String requestId, String proposalId, String teamId,
                                   ProposalContent content) {
}
