package org.accord.api.proposal;

import java.time.Instant;

public record AdoptionDeclinedEvent(String proposalId, String trustId, String teamId, String reason,
                                    String declinedBy, Instant declinedAt) {
}
