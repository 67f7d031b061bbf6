package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A cluster with every lead it has had, in the order named. */
public record ClusterView(String id, String trustId, String name, LocalDate formedOn, List<ClusterLeadView> leads) {

    /**
     * Who led the cluster on {@code asOf}, as recorded at {@code knownAt} (null: everything recorded): the lead named
     * last among those effective by then; null before the cluster was formed.
     */
    public String leadOn(LocalDate asOf, Instant knownAt) {
        ClusterLeadView lead = null;
        for (ClusterLeadView named : leads) {
            boolean counts = !named.effectiveFrom().isAfter(asOf)
                    && (knownAt == null || !named.recordedAt().isAfter(knownAt));
            if (counts && (lead == null || !named.effectiveFrom().isBefore(lead.effectiveFrom()))) {
                lead = named;
            }
        }
        return lead == null ? null : lead.leadId();
    }
}
