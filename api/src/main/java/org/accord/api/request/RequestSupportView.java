package org.accord.api.request;

import java.time.Instant;

public record RequestSupportView(String supporterId, String schoolId, String reason, Instant supportedAt) {
}
