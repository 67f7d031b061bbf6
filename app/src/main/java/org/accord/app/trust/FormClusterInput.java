package org.accord.app.trust;

import java.time.LocalDate;

public record FormClusterInput(String clientMutationId, String trustId, String name, String leadId,
                               LocalDate effectiveFrom) {
}
