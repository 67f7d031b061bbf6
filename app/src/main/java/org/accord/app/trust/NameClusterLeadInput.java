package org.accord.app.trust;

import java.time.LocalDate;

public record NameClusterLeadInput(String clientMutationId, String clusterId, String leadId, LocalDate effectiveFrom) {
}
