package org.accord.api.review;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by Accord itself once a standard's review date is within {@link StandardReviewFellDueEvent#NOTICE_DAYS} days
 * (or past): records it once per review date and tells whoever may reaffirm the standard. Refused from anyone else,
 * before the window, for a retired standard or one with no review date, and a second time for the same date.
 */
public record NoticeReviewDueCommand(@TargetAggregateIdentifier String standardId) {
}
