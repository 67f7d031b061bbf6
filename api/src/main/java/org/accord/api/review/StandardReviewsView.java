package org.accord.api.review;

import java.time.LocalDate;
import java.util.List;

/**
 * A standard's reviews, oldest first, and the date it is next to be reviewed (its latest version's review date, or
 * the later one a reaffirmation of that version set; null when none was set or the standard is retired).
 */
public record StandardReviewsView(String standardId, LocalDate nextReviewBy, List<StandardReviewView> reviews) {
}
