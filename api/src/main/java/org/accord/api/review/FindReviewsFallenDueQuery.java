package org.accord.api.review;

import java.time.LocalDate;

/**
 * Across every trust: the ids of the standards whose review date is within
 * {@link StandardReviewFellDueEvent#NOTICE_DAYS} days of {@code today} (or past) and whose falling due Accord has not
 * recorded for that date yet.
 */
public record FindReviewsFallenDueQuery(LocalDate today) {
}
