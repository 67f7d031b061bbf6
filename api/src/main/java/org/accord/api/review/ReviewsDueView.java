package org.accord.api.review;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.variation.VariationView;

/**
 * Everything of a trust that falls due for review by {@code until} ({@code asOf} plus the window), earliest first:
 * standards by their review date, open variations by their review or expiry date. Attestations due (issue 20, item 1)
 * join here as a further list when they exist.
 */
public record ReviewsDueView(String trustId, LocalDate asOf, LocalDate until, List<StandardReviewDue> standards,
                             List<VariationView> variations) {
}
