package org.accord.app.review;

import java.time.LocalDate;

public record ReaffirmStandardInput(String clientMutationId, String standardId, String rationale,
                                    LocalDate nextReviewBy) {
}
