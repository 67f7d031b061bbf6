package org.accord.api.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A standard's review date ({@code reviewBy}, of version {@code version}) came within the review window: Accord told
 * whoever may reaffirm it ({@code deciderIds}: the trust's executives, or the lead of the standard's cluster; ids
 * only). Recorded once per standard × review date, by Accord.
 */
public record StandardReviewFellDueEvent(String standardId, String trustId, int version, LocalDate reviewBy,
                                         List<String> deciderIds, Instant recordedAt) {

    /** How many days before its review date a standard is due for review: the reviews list's default window. */
    public static final int NOTICE_DAYS = 30;
}
