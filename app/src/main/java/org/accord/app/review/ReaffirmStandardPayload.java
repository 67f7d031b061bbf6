package org.accord.app.review;

import org.accord.api.review.StandardReviewView;
import org.accord.api.standard.StandardView;

public record ReaffirmStandardPayload(String clientMutationId, StandardView standard, StandardReviewView review) {
}
