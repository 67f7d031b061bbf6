package org.accord.api.request;

import java.time.Instant;

/** Someone from another school of the trust added their support, with a reason: once per person. */
public record RequestSupportedEvent(String requestId, String trustId, String schoolId, String reason,
                                    String supportedBy, Instant supportedAt) {
}
