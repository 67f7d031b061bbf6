package org.accord.api.review;

import java.time.LocalDate;

/**
 * What a trust has due for review on {@code asOf}: whatever falls due by {@code asOf} plus {@code withinDays}
 * (overdue included).
 */
public record FindReviewsDueQuery(String trustId, LocalDate asOf, int withinDays) {
}
