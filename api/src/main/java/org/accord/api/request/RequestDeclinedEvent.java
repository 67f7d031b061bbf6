package org.accord.api.request;

import java.time.Instant;

/** The routed team (or the executive) declined the request, with a reason. */
public record RequestDeclinedEvent(String requestId, String trustId, String reason, String declinedBy,
                                   Instant declinedAt) {
}
