package org.accord.app.trust;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.accord.api.rights.ChangeDecisionRightsCommand;
import org.accord.api.rights.DecisionLevel;
import org.accord.api.rights.DecisionRight;
import org.accord.api.rights.DecisionRightsChangedEvent;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.trust.ChangeSchoolPhaseCommand;
import org.accord.api.trust.AddSchoolToClusterCommand;
import org.accord.api.trust.ClusterFormedEvent;
import org.accord.api.trust.ClusterLeadNamedEvent;
import org.accord.api.trust.ErasePersonCommand;
import org.accord.api.trust.FormClusterCommand;
import org.accord.api.trust.MoveSchoolToClusterCommand;
import org.accord.api.trust.NameClusterLeadCommand;
import org.accord.api.trust.PersonErasedEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.RegisterPersonCommand;
import org.accord.api.trust.RegisterSchoolCommand;
import org.accord.api.trust.RegisterTrustCommand;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolPhaseChangedEvent;
import org.accord.api.trust.RemoveSchoolFromClusterCommand;
import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolLeftClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.person.PersonDirectory;
import org.accord.app.shared.Check;
import org.accord.app.shared.DomainClock;
import org.accord.query.rights.DecisionRightsHistory;
import org.accord.query.trust.ClusterMemberships;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A trust: the tenant. Knows its schools, the roles of its people and the clusters its schools are grouped in;
 * nothing else of theirs. Clusters live here because "one cluster at a time" is a rule over all of them.
 */
@Aggregate(cache = "aggregateCache")
public class Trust {

    @AggregateIdentifier
    private String trustId;
    private final Map<String, Roster.Membership> people = new HashMap<>();
    private final Set<String> schoolIds = new HashSet<>();
    private final Set<String> schoolNames = new HashSet<>();
    private final Map<String, SchoolPhase> schoolPhases = new HashMap<>();
    private final Map<String, LocalDate> lastPhaseChange = new HashMap<>();
    /** Each school's phases with the day each took effect, the registered one from the beginning. */
    private final Map<String, java.util.List<PhaseFrom>> phaseHistory = new HashMap<>();
    private final Set<String> erased = new HashSet<>();
    private final Map<String, Cluster> clusters = new HashMap<>();
    private final Set<String> clusterNames = new HashSet<>();
    /** Each cluster's leads by the date they take over; of two on one date, the later named. */
    private final Map<String, TreeMap<LocalDate, String>> clusterLeads = new HashMap<>();
    private ClusterMemberships memberships = ClusterMemberships.none();
    private DecisionRightsHistory decisionRights = DecisionRightsHistory.none();
    /** Not state: what {@link #roster()} made last, kept while the trust and the day stay the same. */
    private transient RosterAsOf rosterAsOf;

    private record PhaseFrom(SchoolPhase phase, LocalDate from) {
    }

    /** What the rules need of a cluster: when it was formed, and from when its current lead leads it. */
    private record Cluster(String name, LocalDate formedOn, String leadId, LocalDate leadFrom) {
    }

    protected Trust() {
        // for Axon
    }

    /**
     * Trusts are set up by Accord itself (the demo loader, an operator's bootstrap), not by a caller of the API. With
     * a first executive, both are registered or neither: an executive id another trust holds refuses the trust too.
     */
    @CommandHandler
    public Trust(RegisterTrustCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                 PersonDirectory directory) {
        if (!Actor.SYSTEM.equals(actorId)) {
            throw DomainException.forbidden("trusts are registered by an operator, not through the API");
        }
        Check.present(command.trustId(), "trustId");
        String name = Check.name(command.name(), "name");
        String executiveId = command.executiveId() == null ? null : Check.present(command.executiveId(), "executiveId");
        String executiveName = executiveId == null ? null : Check.name(command.executiveName(), "executiveName");
        apply(new TrustRegisteredEvent(command.trustId(), name));
        if (executiveId != null) {
            directory.record(executiveId, command.trustId(), executiveName);
            apply(new PersonRegisteredEvent(command.trustId(), executiveId,
                    Set.of(PersonRole.TRUST_EXECUTIVE), null, actorId));
        }
    }

    @CommandHandler
    public String handle(RegisterSchoolCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "register a school");
        Check.present(command.schoolId(), "schoolId");
        String name = Check.name(command.name(), "name");
        Check.present(command.phase(), "phase");
        if (schoolNames.contains(key(name))) {
            throw DomainException.badRequest("the trust already has a school named '" + name + "'");
        }
        if (schoolIds.contains(command.schoolId())) {
            throw DomainException.conflict("school '" + command.schoolId() + "' is already registered");
        }
        apply(new SchoolRegisteredEvent(trustId, command.schoolId(), name, command.phase(), actorId));
        return command.schoolId();
    }

    /**
     * Phase changes of one school are recorded in the order they take effect: a change dated before the school's
     * latest one is refused (correcting history is not what this records), and so is a change to the phase it has.
     */
    @CommandHandler
    public String handle(ChangeSchoolPhaseCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "change a school's phase");
        String schoolId = Check.present(command.schoolId(), "schoolId");
        if (!schoolIds.contains(schoolId)) {
            throw DomainException.notFound("unknown school '" + schoolId + "'");
        }
        SchoolPhase phase = Check.present(command.phase(), "phase");
        LocalDate from = Check.present(command.effectiveFrom(), "effectiveFrom");
        SchoolPhase current = schoolPhases.get(schoolId);
        if (phase == current) {
            throw DomainException.badRequest("the school is already " + phase);
        }
        LocalDate last = lastPhaseChange.get(schoolId);
        if (last != null && !from.isAfter(last)) {
            throw DomainException.badRequest("effectiveFrom (" + from + ") must be after the school's last phase"
                    + " change (" + last + ")");
        }
        String reason = Check.optionalText(command.reason(), "reason");
        apply(new SchoolPhaseChangedEvent(trustId, schoolId, phase, current, from, reason, actorId,
                GenericEventMessage.clock.instant()));
        return schoolId;
    }

    @CommandHandler
    public String handle(RegisterPersonCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       PersonDirectory directory) {
        roster().requireExecutive(actorId, "register a person");
        Check.present(command.personId(), "personId");
        String displayName = Check.name(command.displayName(), "displayName");
        Set<PersonRole> roles = EnumSet.copyOf(Check.noNulls(command.roles(), "roles"));
        boolean worksAtSchool = roles.stream().anyMatch(PersonRole::isSchoolRole);
        if (worksAtSchool && command.schoolId() == null) {
            throw DomainException.badRequest("schoolId is required for a headteacher or member of staff");
        }
        if (command.schoolId() != null && !schoolIds.contains(command.schoolId())) {
            throw DomainException.badRequest("schoolId '" + command.schoolId() + "' is not a school of this trust");
        }
        if (people.containsKey(command.personId())) {
            throw DomainException.conflict("person '" + command.personId() + "' is already registered");
        }
        // person ids are unique across trusts: the directory refuses one that any trust holds (CONFLICT)
        directory.record(command.personId(), trustId, displayName);
        apply(new PersonRegisteredEvent(trustId, command.personId(), roles, command.schoolId(), actorId));
        return command.personId();
    }

    @CommandHandler
    public void handle(ErasePersonCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       PersonDirectory directory) {
        roster().requireExecutive(actorId, "erase a person's details");
        String personId = Check.present(command.personId(), "personId");
        if (!people.containsKey(personId)) {
            throw DomainException.notFound("unknown person '" + personId + "'");
        }
        if (erased.contains(personId)) {
            throw DomainException.conflict("person '" + personId + "' is already erased");
        }
        directory.erase(personId);
        apply(new PersonErasedEvent(trustId, personId, actorId, GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    public String handle(FormClusterCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "form a cluster");
        Check.present(command.clusterId(), "clusterId");
        String name = Check.name(command.name(), "name");
        String leadId = requireLead(command.leadId());
        LocalDate effectiveFrom = dateOrToday(command.effectiveFrom());
        if (clusterNames.contains(key(name))) {
            throw DomainException.badRequest("the trust already has a cluster named '" + name + "'");
        }
        if (clusters.containsKey(command.clusterId())) {
            throw DomainException.conflict("cluster '" + command.clusterId() + "' is already formed");
        }
        apply(new ClusterFormedEvent(trustId, command.clusterId(), name, leadId, effectiveFrom, actorId,
                DomainClock.now()));
        return command.clusterId();
    }

    @CommandHandler
    public void handle(NameClusterLeadCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "name a cluster's lead");
        Cluster cluster = cluster(command.clusterId());
        String leadId = requireLead(command.leadId());
        LocalDate effectiveFrom = dateOrToday(command.effectiveFrom());
        if (effectiveFrom.isBefore(cluster.leadFrom())) {
            throw DomainException.badRequest("dates in the wrong order: the lead of cluster '" + cluster.name()
                    + "' cannot change on " + effectiveFrom + ", before its current lead took over on "
                    + cluster.leadFrom());
        }
        if (leadId.equals(cluster.leadId())) {
            throw DomainException.badRequest("person '" + leadId + "' already leads cluster '" + cluster.name() + "'");
        }
        apply(new ClusterLeadNamedEvent(trustId, command.clusterId(), leadId, effectiveFrom, actorId,
                DomainClock.now()));
    }

    @CommandHandler
    public void handle(AddSchoolToClusterCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "add a school to a cluster");
        Cluster cluster = cluster(command.clusterId());
        String schoolId = school(command.schoolId());
        LocalDate effectiveFrom = changeDate(schoolId, command.effectiveFrom(), cluster);
        String current = memberships.latest(schoolId).map(ClusterMemberships.Change::clusterId).orElse(null);
        if (current != null) {
            throw DomainException.badRequest("a school belongs to one cluster at a time: school '" + schoolId
                    + "' is already in cluster '" + clusters.get(current).name() + "'; move it instead");
        }
        apply(new SchoolJoinedClusterEvent(trustId, command.clusterId(), schoolId, effectiveFrom, actorId,
                DomainClock.now()));
    }

    @CommandHandler
    public void handle(MoveSchoolToClusterCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "move a school to another cluster");
        Cluster cluster = cluster(command.clusterId());
        String schoolId = school(command.schoolId());
        LocalDate effectiveFrom = changeDate(schoolId, command.effectiveFrom(), cluster);
        String current = memberships.latest(schoolId).map(ClusterMemberships.Change::clusterId).orElse(null);
        if (current == null) {
            throw DomainException.badRequest("school '" + schoolId + "' is in no cluster; add it to one instead");
        }
        if (current.equals(command.clusterId())) {
            throw DomainException.badRequest("school '" + schoolId + "' is already in cluster '" + cluster.name()
                    + "'");
        }
        apply(new SchoolMovedClusterEvent(trustId, schoolId, current, command.clusterId(), effectiveFrom, actorId,
                DomainClock.now()));
    }

    @CommandHandler
    public void handle(RemoveSchoolFromClusterCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId) {
        roster().requireExecutive(actorId, "remove a school from a cluster");
        String schoolId = school(command.schoolId());
        LocalDate effectiveFrom = changeDate(schoolId, command.effectiveFrom(), null);
        String current = memberships.latest(schoolId).map(ClusterMemberships.Change::clusterId).orElse(null);
        if (current == null) {
            throw DomainException.badRequest("school '" + schoolId + "' is in no cluster");
        }
        apply(new SchoolLeftClusterEvent(trustId, current, schoolId, effectiveFrom, actorId, DomainClock.now()));
    }

    /**
     * The next version of the decision-rights map, whole: each area (or topic of an area) once, a team of this trust
     * where one is named, from a date no earlier than the current version's, and always with a rationale.
     *
     * @return the new version's number, as text (an idempotent retry answers with the stored text)
     */
    @CommandHandler
    public String handle(ChangeDecisionRightsCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                      TrustTeams teams) {
        roster().requireExecutive(actorId, "change the decision-rights map");
        String rationale = Check.optionalText(command.rationale(), "rationale");
        if (rationale == null) {
            throw DomainException.badRequest("rationale must not be blank: say why the decision-rights map changes");
        }
        List<DecisionRight> rights = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DecisionRight right : Check.noNulls(Check.notEmpty(command.rights(), "rights"), "rights")) {
            Check.present(right.area(), "area");
            Check.present(right.level(), "level");
            String topic = right.topic() == null || right.topic().isBlank() ? null : Check.name(right.topic(), "topic");
            String line = right.area() + (topic == null ? "" : " (" + topic + ")");
            if (!seen.add(right.area() + "/" + (topic == null ? "" : DecisionRightsHistory.key(topic)))) {
                throw DomainException.badRequest("the map names " + line + " twice: each area, and each topic of an"
                        + " area, is decided at one level");
            }
            String teamId = right.teamId() == null || right.teamId().isBlank() ? null : right.teamId();
            if (teamId != null && right.level() == DecisionLevel.SCHOOL) {
                throw DomainException.badRequest(line + " is decided by each school: it is led by the headteachers,"
                        + " not by a team");
            }
            if (teamId != null && !trustId.equals(teams.trustOfTeam(teamId).orElse(null))) {
                throw DomainException.badRequest("teamId '" + teamId + "' is not a team of this trust");
            }
            rights.add(new DecisionRight(right.area(), topic, right.level(), teamId,
                    Check.optionalText(right.note(), "note")));
        }
        LocalDate effectiveFrom = dateOrToday(command.effectiveFrom());
        decisionRights.latest().ifPresent(current -> {
            if (effectiveFrom.isBefore(current.effectiveFrom())) {
                throw DomainException.badRequest("dates in the wrong order: version " + (current.number() + 1)
                        + " of the decision-rights map cannot take effect on " + effectiveFrom + ", before version "
                        + current.number() + " took effect on " + current.effectiveFrom());
            }
        });
        int version = decisionRights.latest().map(v -> v.number() + 1).orElse(1);
        apply(new DecisionRightsChangedEvent(trustId, version, List.copyOf(rights), effectiveFrom, rationale,
                actorId, DomainClock.now()));
        return String.valueOf(version);
    }

    /** Clusters as they stand, for other aggregates: which cluster a school is in on a date, and who leads it. */
    public ClusterMemberships clusterMemberships() {
        return memberships;
    }

    /**
     * The decision-rights map and each cluster's lead today (none before it is formed; a lead named from a later
     * date takes over then), for adoption (AdoptionHandler).
     */
    public DecisionRights decisionRights() {
        LocalDate today = DomainClock.today();
        Map<String, DecisionRights.ClusterLead> leads = new LinkedHashMap<>();
        clusters.forEach((id, c) -> {
            Map.Entry<LocalDate, String> lead = clusterLeads.getOrDefault(id, new TreeMap<>()).floorEntry(today);
            leads.put(id, new DecisionRights.ClusterLead(c.name(), lead == null ? null : lead.getValue()));
        });
        return new DecisionRights(decisionRights, Map.copyOf(leads));
    }

    private Cluster cluster(String clusterId) {
        Check.present(clusterId, "clusterId");
        Cluster cluster = clusters.get(clusterId);
        if (cluster == null) {
            throw DomainException.notFound("unknown cluster '" + clusterId + "'");
        }
        return cluster;
    }

    private String school(String schoolId) {
        Check.present(schoolId, "schoolId");
        if (!schoolIds.contains(schoolId)) {
            throw DomainException.notFound("unknown school '" + schoolId + "'");
        }
        return schoolId;
    }

    private String requireLead(String leadId) {
        Check.present(leadId, "leadId");
        if (!people.containsKey(leadId)) {
            throw DomainException.badRequest("leadId '" + leadId + "' is not a person of this trust");
        }
        if (erased.contains(leadId)) {
            throw DomainException.badRequest("leadId '" + leadId + "' is a person whose details were erased");
        }
        return leadId;
    }

    /**
     * The date a school's cluster changes (default today): never before the school's last recorded change, so that
     * its record stays one line in time, and never before the cluster it joins was formed.
     */
    private LocalDate changeDate(String schoolId, LocalDate requested, Cluster joining) {
        LocalDate effectiveFrom = dateOrToday(requested);
        memberships.latest(schoolId).ifPresent(last -> {
            if (effectiveFrom.isBefore(last.effectiveFrom())) {
                throw DomainException.badRequest("dates in the wrong order: school '" + schoolId
                        + "' cannot change cluster on " + effectiveFrom + ", before its last change on "
                        + last.effectiveFrom());
            }
        });
        if (joining != null && effectiveFrom.isBefore(joining.formedOn())) {
            throw DomainException.badRequest("dates in the wrong order: cluster '" + joining.name()
                    + "' is formed on " + joining.formedOn() + ", after " + effectiveFrom);
        }
        return effectiveFrom;
    }

    private static LocalDate dateOrToday(LocalDate date) {
        return date != null ? date : DomainClock.today();
    }

    /**
     * The trust's membership as it stands, for other aggregates' authorisation and validation. Made again only when an
     * event has changed the trust or the day has turned since the last one: every vote asks for it, and copying the
     * trust's people and schools for each was 2% of the request threads' CPU under castVote (docs/benchmarks.md,
     * session 33).
     */
    public Roster roster() {
        Long version = AggregateLifecycle.getVersion();
        LocalDate today = DomainClock.today();
        RosterAsOf last = rosterAsOf;
        if (last != null && version != null && version.equals(last.version()) && today.equals(last.day())) {
            return last.roster();
        }
        Roster roster = new Roster(trustId, Map.copyOf(people), Set.copyOf(schoolIds), Set.copyOf(clusters.keySet()),
                standings(today));
        rosterAsOf = new RosterAsOf(version, today, roster);
        return roster;
    }

    /**
     * A roster with the trust's version (its last event's sequence number) and the day it was made for. The trust's
     * state changes only by its events, each of which moves the version, so an equal version means the same state.
     */
    private record RosterAsOf(Long version, LocalDate day, Roster roster) {
    }

    /** Each school's phases and clusters today and as recorded to come, for applicability on the command side. */
    private Map<String, Roster.SchoolStanding> standings(LocalDate today) {
        Map<String, Roster.SchoolStanding> standings = new HashMap<>();
        for (String schoolId : schoolIds) {
            Set<SchoolPhase> phases = new HashSet<>();
            java.util.List<PhaseFrom> history = phaseHistory.getOrDefault(schoolId, java.util.List.of());
            history.stream().filter(p -> !p.from().isAfter(today)).reduce((earlier, later) -> later)
                    .ifPresent(p -> phases.add(p.phase()));
            history.stream().filter(p -> p.from().isAfter(today)).forEach(p -> phases.add(p.phase()));
            Set<String> inClusters = new HashSet<>();
            inClusters.add(memberships.clusterOf(schoolId, today).orElse(null));
            memberships.changes().stream()
                    .filter(c -> c.schoolId().equals(schoolId) && c.effectiveFrom().isAfter(today))
                    .forEach(c -> inClusters.add(c.clusterId()));
            standings.put(schoolId, new Roster.SchoolStanding(phases, inClusters));
        }
        return standings;
    }

    @EventSourcingHandler
    void on(TrustRegisteredEvent event) {
        trustId = event.trustId();
    }

    @EventSourcingHandler
    void on(SchoolRegisteredEvent event) {
        schoolIds.add(event.schoolId());
        schoolNames.add(key(event.name()));
        schoolPhases.put(event.schoolId(), event.phase());
        phaseHistory.computeIfAbsent(event.schoolId(), id -> new java.util.ArrayList<>())
                .add(new PhaseFrom(event.phase(), LocalDate.MIN));
    }

    @EventSourcingHandler
    void on(SchoolPhaseChangedEvent event) {
        schoolPhases.put(event.schoolId(), event.phase());
        phaseHistory.computeIfAbsent(event.schoolId(), id -> new java.util.ArrayList<>())
                .add(new PhaseFrom(event.phase(), event.effectiveFrom()));
        lastPhaseChange.put(event.schoolId(), event.effectiveFrom());
    }

    @EventSourcingHandler
    void on(PersonErasedEvent event) {
        erased.add(event.personId());
    }

    @EventSourcingHandler
    void on(PersonRegisteredEvent event) {
        people.put(event.personId(), new Roster.Membership(Set.copyOf(event.roles()), event.schoolId()));
    }

    @EventSourcingHandler
    void on(ClusterFormedEvent event) {
        clusters.put(event.clusterId(), new Cluster(event.name(), event.effectiveFrom(), event.leadId(),
                event.effectiveFrom()));
        clusterNames.add(key(event.name()));
        clusterLeads.computeIfAbsent(event.clusterId(), id -> new TreeMap<>()).put(event.effectiveFrom(),
                event.leadId());
    }

    @EventSourcingHandler
    void on(ClusterLeadNamedEvent event) {
        clusters.computeIfPresent(event.clusterId(),
                (id, c) -> new Cluster(c.name(), c.formedOn(), event.leadId(), event.effectiveFrom()));
        clusterLeads.computeIfAbsent(event.clusterId(), id -> new TreeMap<>()).put(event.effectiveFrom(),
                event.leadId());
    }

    @EventSourcingHandler
    void on(SchoolJoinedClusterEvent event) {
        memberships = memberships.with(ClusterMemberships.change(event));
    }

    @EventSourcingHandler
    void on(SchoolMovedClusterEvent event) {
        memberships = memberships.with(ClusterMemberships.change(event));
    }

    @EventSourcingHandler
    void on(DecisionRightsChangedEvent event) {
        decisionRights = decisionRights.with(DecisionRightsHistory.version(event));
    }

    @EventSourcingHandler
    void on(SchoolLeftClusterEvent event) {
        memberships = memberships.with(ClusterMemberships.change(event));
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }
}
