package org.accord.app.trust;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.api.rights.DecisionLevel;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.query.rights.DecisionRightsHistory;

/**
 * What other aggregates need to enforce a trust's decision-rights map: the map's versions, and the trust's clusters
 * with their current leads. As the trust's events say right now.
 */
public record DecisionRights(DecisionRightsHistory map, Map<String, ClusterLead> clusters) {

    /** A cluster's name and the person who leads it today (null before it is formed). */
    public record ClusterLead(String name, String leadId) {
    }

    /** The level at which an area is decided on a date; with no map, or nothing said of the area, TRUST. */
    public record Level(DecisionLevel level, int mapVersion) {
    }

    public static DecisionRights none() {
        return new DecisionRights(DecisionRightsHistory.none(), Map.of());
    }

    public Level levelOf(Area area, LocalDate on) {
        return map.inForce(on, null)
                .map(v -> new Level(v.levelOf(area), v.number()))
                .orElse(new Level(DecisionLevel.TRUST, 0));
    }

    public Optional<ClusterLead> cluster(String clusterId) {
        return Optional.ofNullable(clusterId == null ? null : clusters.get(clusterId));
    }

    /** The names of the clusters this person leads now. */
    public List<String> clustersLedBy(String personId) {
        return clusters.values().stream().filter(c -> personId != null && personId.equals(c.leadId())).map(ClusterLead::name).sorted()
                .toList();
    }

    /**
     * Who decides for a standard's scope, as whoever adopts for it: the trust executive for a standard of the whole
     * trust ({@code clusterId} null), the cluster's lead for a cluster standard. Adopting an amendment or retirement,
     * and reaffirming a standard at its review, all ask this one question. An outsider gets {@code unknownSubject}.
     */
    public void requireDecidesFor(String actorId, Roster roster, String clusterId, String action,
                                  DomainException unknownSubject) {
        if (clusterId == null) {
            roster.requireExecutive(actorId, action, unknownSubject);
            return;
        }
        if (!Actor.SYSTEM.equals(actorId) && !roster.hasPerson(actorId)) {
            throw unknownSubject;
        }
        requireLead(actorId, clusterId, action);
    }

    /** The caller must lead this cluster today. */
    public void requireLead(String actorId, String clusterId, String action) {
        ClusterLead cluster = cluster(clusterId)
                .orElseThrow(() -> DomainException.notFound("unknown cluster '" + clusterId + "'"));
        if (Actor.SYSTEM.equals(actorId) || actorId.equals(cluster.leadId())) {
            return;
        }
        List<String> led = clustersLedBy(actorId);
        throw DomainException.forbidden("only the lead of cluster '" + cluster.name() + "' may " + action
                + " for it" + (led.isEmpty() ? "" : ", not the lead of cluster '" + String.join("', '", led) + "'"));
    }
}
