package org.accord.api.review;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.standard.Area;

/**
 * A standard in force whose review date falls within the window: {@code overdue} when that date is before the day
 * asked about. {@code openProposalIds}: the proposals raised from its reviews since the current version, which show
 * the review is in hand (the standard stays due until a new version, a reaffirmation or its retirement).
 */
public record StandardReviewDue(String standardId, String title, Area area, int version, LocalDate reviewBy,
                                boolean overdue, String clusterId, List<String> openProposalIds) {
}
