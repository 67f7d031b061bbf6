package org.accord.app.trust;

import java.util.Map;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Applicability;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.SchoolPhase;

/**
 * Who belongs to a trust and in which roles, as its event-sourced record says right now. Other aggregates ask it
 * whether the caller may act, so that authorisation is decided on the command side from events, not from a read
 * model that may lag.
 */
public record Roster(String trustId, Map<String, Membership> people, Set<String> schoolIds, Set<String> clusterIds,
                     Map<String, SchoolStanding> standings) {

    public Roster {
        clusterIds = clusterIds == null ? Set.of() : clusterIds;
        standings = standings == null ? Map.of() : standings;
    }

    /** A trust without clusters, whose schools' phases are not known to the caller. */
    public Roster(String trustId, Map<String, Membership> people, Set<String> schoolIds) {
        this(trustId, people, schoolIds, Set.of(), Map.of());
    }

    public Roster(String trustId, Map<String, Membership> people, Set<String> schoolIds, Set<String> clusterIds) {
        this(trustId, people, schoolIds, clusterIds, Map.of());
    }

    /**
     * The phases a school has today or is recorded to take later, and likewise its clusters (null among them: in
     * none): what a standard's applicability may cover it by, now or once a recorded change takes effect.
     */
    public record SchoolStanding(Set<SchoolPhase> phases, Set<String> clusterIds) {

        public boolean mayBeCoveredBy(Applicability applicability, String schoolId) {
            Applicability applies = Applicability.of(applicability);
            return phases.stream().anyMatch(phase -> clusterIds.stream()
                    .anyMatch(cluster -> applies.covers(schoolId, phase, cluster)));
        }
    }

    /** The school's standing, or null where the roster was built without one. */
    public SchoolStanding standing(String schoolId) {
        return schoolId == null ? null : standings.get(schoolId);
    }

    public record Membership(Set<PersonRole> roles, String schoolId) {
    }

    public boolean hasPerson(String personId) {
        return personId != null && people.containsKey(personId);
    }

    public boolean hasSchool(String schoolId) {
        return schoolId != null && schoolIds.contains(schoolId);
    }

    public boolean hasCluster(String clusterId) {
        return clusterId != null && clusterIds.contains(clusterId);
    }

    public boolean isExecutive(String personId) {
        Membership m = personId == null ? null : people.get(personId);
        return m != null && m.roles().contains(PersonRole.TRUST_EXECUTIVE);
    }

    /**
     * The caller must be a trust executive of this trust. Someone from outside the trust is told the trust is
     * unknown, exactly as for an id that does not exist, so that ids of other trusts cannot be probed.
     */
    public void requireExecutive(String actorId, String action) {
        requireExecutive(actorId, action, unknownTrust(trustId));
    }

    /**
     * As {@link #requireExecutive(String, String)}, where the caller addressed something of the trust (a team, a
     * proposal): an outsider gets {@code unknownSubject}, the same refusal as for an id that does not exist, so that
     * they learn neither that it exists nor which trust it belongs to.
     */
    public void requireExecutive(String actorId, String action, DomainException unknownSubject) {
        if (Actor.SYSTEM.equals(actorId) || isExecutive(actorId)) {
            return;
        }
        if (!hasPerson(actorId)) {
            throw unknownSubject;
        }
        throw DomainException.forbidden("only a trust executive may " + action);
    }

    public boolean isHeadteacherOf(String personId, String schoolId) {
        Membership m = personId == null ? null : people.get(personId);
        return m != null && schoolId != null && schoolId.equals(m.schoolId())
                && m.roles().contains(org.accord.api.trust.PersonRole.HEADTEACHER);
    }

    /** The headteachers of a school today, in id order: who may attest for it. */
    public java.util.List<String> headteachersOf(String schoolId) {
        return people.entrySet().stream().filter(p -> isHeadteacherOf(p.getKey(), schoolId))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The trust's executives today, in id order. */
    public java.util.List<String> executives() {
        return people.keySet().stream().filter(this::isExecutive).sorted().toList();
    }

    /** The person must belong to this trust and work at one of its schools. */
    public void requireSchoolStaff(String personId, String field) {
        if (personId == null) {
            throw DomainException.badRequest(field + " must not contain an empty id");
        }
        Membership m = people.get(personId);
        if (m == null) {
            throw DomainException.badRequest(field + " '" + personId + "' is not a person of this trust");
        }
        if (m.schoolId() == null) {
            throw DomainException.badRequest(field + " '" + personId + "' does not work at a school of this trust");
        }
    }

    public static DomainException unknownTrust(String trustId) {
        return DomainException.notFound("unknown trust '" + trustId + "'");
    }
}
