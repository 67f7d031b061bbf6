package org.accord.query.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolLeftClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;

/**
 * Which cluster each school of a trust was in on a date, from the trust's membership events, on two time axes:
 * <ul>
 *   <li><b>asOf</b> (valid time): a change counts from its {@code effectiveFrom};</li>
 *   <li><b>knownAt</b> (record time): only changes recorded by then count.</li>
 * </ul>
 * A school's cluster on a date is the one named by its latest change effective by then (of two on the same date, the
 * later recorded); before its first change, and after it left, it is in none. Pure and framework-free: the trust
 * aggregate checks its rules with it and any projection can hold one, fed the three events in the order recorded.
 */
public final class ClusterMemberships {

    /** From {@code effectiveFrom} the school is in {@code clusterId}, or in no cluster when it is null. */
    public record Change(String schoolId, String clusterId, LocalDate effectiveFrom, Instant recordedAt) {
    }

    private final List<Change> changes;

    private ClusterMemberships(List<Change> changes) {
        this.changes = changes;
    }

    public static ClusterMemberships none() {
        return new ClusterMemberships(List.of());
    }

    /** The changes in the order they were recorded. */
    public static ClusterMemberships of(List<Change> changes) {
        return new ClusterMemberships(List.copyOf(changes));
    }

    public static Change change(SchoolJoinedClusterEvent event) {
        return new Change(event.schoolId(), event.clusterId(), event.effectiveFrom(), event.recordedAt());
    }

    public static Change change(SchoolMovedClusterEvent event) {
        return new Change(event.schoolId(), event.toClusterId(), event.effectiveFrom(), event.recordedAt());
    }

    public static Change change(SchoolLeftClusterEvent event) {
        return new Change(event.schoolId(), null, event.effectiveFrom(), event.recordedAt());
    }

    /** These memberships with one more change, recorded after the others. */
    public ClusterMemberships with(Change change) {
        List<Change> more = new ArrayList<>(changes);
        more.add(change);
        return new ClusterMemberships(List.copyOf(more));
    }

    public List<Change> changes() {
        return changes;
    }

    /** The school's cluster on {@code asOf} as the record stands now. */
    public Optional<String> clusterOf(String schoolId, LocalDate asOf) {
        return clusterOf(schoolId, asOf, null);
    }

    /** The school's cluster on {@code asOf} as recorded at {@code knownAt} (null: everything recorded). */
    public Optional<String> clusterOf(String schoolId, LocalDate asOf, Instant knownAt) {
        return inForce(schoolId, asOf, knownAt).map(Change::clusterId);
    }

    /** The schools in the cluster on {@code asOf} as recorded at {@code knownAt} (null: everything recorded). */
    public List<String> schoolsOf(String clusterId, LocalDate asOf, Instant knownAt) {
        List<String> schools = new ArrayList<>();
        for (String schoolId : schools()) {
            if (clusterId.equals(clusterOf(schoolId, asOf, knownAt).orElse(null))) {
                schools.add(schoolId);
            }
        }
        return schools;
    }

    /** Every school that was ever in a cluster, in the order of their first change. */
    public Set<String> schools() {
        Set<String> schools = new LinkedHashSet<>();
        changes.forEach(c -> schools.add(c.schoolId()));
        return schools;
    }

    /** The school's last recorded change, whatever its date: where its record ends. */
    public Optional<Change> latest(String schoolId) {
        Change latest = null;
        for (Change change : changes) {
            if (change.schoolId().equals(schoolId)) {
                latest = change;
            }
        }
        return Optional.ofNullable(latest);
    }

    private Optional<Change> inForce(String schoolId, LocalDate asOf, Instant knownAt) {
        Change inForce = null;
        for (Change change : changes) {
            boolean counts = change.schoolId().equals(schoolId) && !change.effectiveFrom().isAfter(asOf)
                    && (knownAt == null || change.recordedAt() == null || !change.recordedAt().isAfter(knownAt));
            // the changes are in the order recorded: a later one on the same or a later date replaces the earlier
            if (counts && (inForce == null || !change.effectiveFrom().isBefore(inForce.effectiveFrom()))) {
                inForce = change;
            }
        }
        return Optional.ofNullable(inForce).filter(c -> c.clusterId() != null);
    }
}
