package org.accord.query.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A cluster and every lead it has had, in the order named: bounded by the cluster (a new lead every few years). */
@Document("clusters")
public record ClusterDocument(@Id String id, String trustId, String name, LocalDate formedOn, List<Lead> leads) {

    public record Lead(String leadId, LocalDate effectiveFrom, Instant recordedAt, String namedBy) {
    }

    public List<Lead> leads() {
        return leads == null ? List.of() : leads;
    }
}
