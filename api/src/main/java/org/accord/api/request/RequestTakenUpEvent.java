package org.accord.api.request;

import java.time.Instant;

/** The request became the draft proposal {@code proposalId} of team {@code teamId}. */
public record RequestTakenUpEvent(String requestId, String trustId, String teamId, String proposalId,
                                  String takenUpBy, Instant takenUpAt) {
}
