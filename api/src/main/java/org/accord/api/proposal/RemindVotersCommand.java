package org.accord.api.proposal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by Accord itself once a vote is within 48 hours of its deadline: reminds the eligible voters who have not yet
 * voted, recused or delegated. Refused from anyone else, before the reminder is due, and a second time.
 */
public record RemindVotersCommand(@TargetAggregateIdentifier String proposalId) {
}
