package org.accord.query.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One document per trust: its clusters' ids in the order formed, and every change of its schools' clusters in the
 * order recorded, so that a school's cluster on a date is one key lookup. Bounded by the trust: a school changes
 * cluster once in a few years, not with every decision.
 */
@Document("trust_clusters")
public record TrustClustersDocument(@Id String id, List<String> clusterIds, List<Change> changes) {

    /** From {@code effectiveFrom} the school is in {@code clusterId}, or in none when it is null. */
    public record Change(String schoolId, String clusterId, LocalDate effectiveFrom, Instant recordedAt,
                         String recordedBy) {
    }

    public List<String> clusterIds() {
        return clusterIds == null ? List.of() : clusterIds;
    }

    public List<Change> changes() {
        return changes == null ? List.of() : changes;
    }

    public ClusterMemberships memberships() {
        return ClusterMemberships.of(changes().stream()
                .map(c -> new ClusterMemberships.Change(c.schoolId(), c.clusterId(), c.effectiveFrom(),
                        c.recordedAt()))
                .toList());
    }
}
