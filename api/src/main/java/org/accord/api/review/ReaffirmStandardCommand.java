package org.accord.api.review;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The standard was reviewed and stays as it is: whoever adopts for its scope says why, and when it is next reviewed.
 */
public record ReaffirmStandardCommand(@TargetAggregateIdentifier String standardId, String rationale,
                                      LocalDate nextReviewBy) {
}
