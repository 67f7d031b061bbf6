package org.accord.api.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A review kept the standard without change: its current {@code version} stays in force and is next reviewed by
 * {@code nextReviewBy}. {@code dueOn} is the review date it was reviewed against (null where none was set).
 */
public record StandardReaffirmedEvent(String standardId, String trustId, int version, String rationale,
                                      LocalDate dueOn, LocalDate nextReviewBy, String reaffirmedBy,
                                      Instant reaffirmedAt) {
}
