package org.accord.api.review;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One review of a standard: reaffirmed (with {@code rationale} and {@code nextReviewBy}), or a proposal raised from
 * it ({@code proposalId}, {@code teamId}).
 */
public record StandardReviewView(String standardId, int version, ReviewOutcome outcome, String rationale,
                                 LocalDate dueOn, LocalDate nextReviewBy, String proposalId, String teamId,
                                 String reviewedBy, Instant reviewedAt) {
}
