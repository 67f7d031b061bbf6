package org.accord.api.review;

/** The reviews of one standard, oldest first, with its next review date. */
public record FindStandardReviewsQuery(String standardId) {
}
