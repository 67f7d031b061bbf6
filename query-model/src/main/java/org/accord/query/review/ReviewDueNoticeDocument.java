package org.accord.query.review;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The review date of a standard last recorded as fallen due: the check for reviews due does not ask for it again. */
@Document("review_due_notices")
public record ReviewDueNoticeDocument(@Id String standardId, LocalDate reviewBy) {
}
