package org.accord.app.proposal;

import java.time.LocalDate;

import org.accord.api.proposal.ProposalKind;
import org.accord.api.rights.DecisionLevel;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.app.trust.DecisionRights;
import org.accord.app.trust.Roster;

/**
 * Who may adopt a ratified proposal, by the trust's decision-rights map in force on the day of adoption:
 * <ul>
 *   <li>an area decided at TRUST level (or one the map says nothing of, or no map): the trust executive, for the
 *       whole trust;</li>
 *   <li>at CLUSTER level: a new standard is a cluster standard, adopted for a named cluster by that cluster's lead;</li>
 *   <li>at SCHOOL level: nobody; no standard is adopted above the school.</li>
 * </ul>
 * Amending or retiring a standard stays with whoever adopts for its scope: the executive for a standard of the whole
 * trust, the cluster's lead for a cluster standard; an amendment must also fit the area's level today.
 */
final class AdoptionRights {

    private AdoptionRights() {
    }

    /**
     * @param standardCluster for an amendment or retirement: the cluster the standard is a cluster standard of
     *                        (null: the whole trust's)
     * @return the cluster a new standard is adopted for, null for the whole trust
     */
    static String check(String actorId, Roster roster, DecisionRights rights, Area area, ProposalKind kind,
                        String requestedCluster, String standardCluster, LocalDate today, String action,
                        DomainException unknownSubject) {
        if (!Actor.SYSTEM.equals(actorId) && !roster.hasPerson(actorId)) {
            throw unknownSubject;
        }
        DecisionRights.Level level = rights.levelOf(area, today);
        String where = "area " + area + " is decided " + switch (level.level()) {
            case TRUST -> "at trust level";
            case CLUSTER -> "at cluster level";
            case SCHOOL -> "by each school";
        } + (level.mapVersion() == 0 ? "" : " (decision-rights map version " + level.mapVersion() + ")");
        if (kind == ProposalKind.NEW_STANDARD) {
            switch (level.level()) {
                case SCHOOL -> throw DomainException.badRequest(where + ": no standard can be adopted above the"
                        + " school");
                case CLUSTER -> {
                    if (requestedCluster == null || requestedCluster.isBlank()) {
                        throw DomainException.badRequest(where + ": its standards are cluster standards, adopted"
                                + " by a cluster's lead for that cluster; name the cluster (clusterId)");
                    }
                    rights.requireLead(actorId, requestedCluster, action);
                    return requestedCluster;
                }
                default -> {
                    if (requestedCluster != null && !requestedCluster.isBlank()) {
                        throw DomainException.badRequest(where + ": its standards apply to the whole trust, not"
                                + " to one cluster");
                    }
                    roster.requireExecutive(actorId, action, unknownSubject);
                    return null;
                }
            }
        }
        if (requestedCluster != null && !requestedCluster.isBlank() && !requestedCluster.equals(standardCluster)) {
            throw DomainException.badRequest(standardCluster == null
                    ? "the standard applies to the whole trust, not to cluster '" + requestedCluster + "'"
                    : "the standard is a standard of cluster '" + name(rights, standardCluster) + "', not of '"
                            + requestedCluster + "'");
        }
        if (kind == ProposalKind.AMEND_STANDARD) {
            if (level.level() == DecisionLevel.SCHOOL) {
                throw DomainException.badRequest(where + ": no standard can be adopted above the school; the"
                        + " standard can be retired, not amended");
            }
            if (level.level() == DecisionLevel.CLUSTER && standardCluster == null) {
                throw DomainException.badRequest(where + ": a standard of the whole trust in it can be retired,"
                        + " not amended; each cluster adopts its own");
            }
            if (level.level() == DecisionLevel.TRUST && standardCluster != null) {
                throw DomainException.badRequest(where + ": a cluster standard in it can be retired by its"
                        + " cluster's lead, not amended");
            }
        }
        rights.requireDecidesFor(actorId, roster, standardCluster, action, unknownSubject);
        return standardCluster;
    }

    /**
     * Who may decline a ratified proposal: whoever may adopt it. In an area decided by each school nobody may adopt
     * one, and the executive closes it instead (it could otherwise stay RATIFIED for ever).
     */
    static void checkDecline(String actorId, Roster roster, DecisionRights rights, Area area, ProposalKind kind,
                             String requestedCluster, String standardCluster, LocalDate today,
                             DomainException unknownSubject) {
        String action = "decline a proposal's adoption";
        if (kind == ProposalKind.NEW_STANDARD && rights.levelOf(area, today).level() == DecisionLevel.SCHOOL) {
            if (!Actor.SYSTEM.equals(actorId) && !roster.hasPerson(actorId)) {
                throw unknownSubject;
            }
            roster.requireExecutive(actorId, action, unknownSubject);
            return;
        }
        check(actorId, roster, rights, area, kind, requestedCluster, standardCluster, today, action, unknownSubject);
    }

    private static String name(DecisionRights rights, String clusterId) {
        return rights.cluster(clusterId).map(DecisionRights.ClusterLead::name).orElse(clusterId);
    }
}
