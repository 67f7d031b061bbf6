package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/** The cluster is led by {@code leadId} from {@code effectiveFrom}, in place of its previous lead. */
public record ClusterLeadNamedEvent(String trustId, String clusterId, String leadId, LocalDate effectiveFrom,
                                    String namedBy, Instant recordedAt) {
}
