package org.accord.app.team;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.api.team.AddTeamMemberCommand;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.DelegateVotesForPeriodCommand;
import org.accord.api.team.PeriodDelegationRevokedEvent;
import org.accord.api.team.RevokePeriodDelegationCommand;
import org.accord.api.team.VotesDelegatedForPeriodEvent;
import org.accord.api.team.FormTeamCommand;
import org.accord.api.team.RemoveTeamMemberCommand;
import org.accord.api.team.TeamFormedEvent;
import org.accord.api.team.TeamMemberAddedEvent;
import org.accord.api.team.TeamMemberRemovedEvent;
import org.accord.app.shared.Check;
import org.accord.app.shared.DomainClock;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A cross-cutting team: its members (each from a school of the trust), its chair (always a member) and the rule by
 * which it decides. Formed and changed by a trust executive. A member may delegate their votes for a period to another
 * member: each proposal of the team whose voting opens on a day of the period carries that delegation in.
 */
@Aggregate(cache = "aggregateCache")
public class Team {

    /** A voting window longer than a school year is a mistake, not a choice. */
    static final int MAX_VOTING_WINDOW_HOURS = 24 * 366;
    /** A period delegation longer than a school year is a mistake, not a choice. */
    static final int MAX_DELEGATION_DAYS = 366;

    @AggregateIdentifier
    private String teamId;
    private String trustId;
    private String chairId;
    private DecisionRule rule;
    private final Set<String> members = new LinkedHashSet<>();
    /** Every period delegation not revoked, by id, in the order made. */
    private final Map<String, PeriodDelegation> delegations = new LinkedHashMap<>();
    /** Ids of revoked or ended period delegations, with who made them: to tell a second revocation from an unknown id. */
    private final Map<String, String> revokedDelegations = new LinkedHashMap<>();

    protected Team() {
        // for Axon
    }

    @CommandHandler
    public Team(FormTeamCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId, TrustRosters rosters) {
        Check.present(command.teamId(), "teamId");
        Roster roster = rosters.of(command.trustId());
        roster.requireExecutive(actorId, "form a team");
        String name = Check.name(command.name(), "name");
        List<Area> remit = List.copyOf(new LinkedHashSet<>(Check.noNulls(command.remit(), "remit")));
        Check.noNulls(command.memberIds(), "memberIds");
        String chair = Check.present(command.chairId(), "chairId");
        Set<String> memberIds = new LinkedHashSet<>(command.memberIds());
        // the chair is a member by definition: listing them again is not required
        memberIds.add(chair);
        memberIds.forEach(id -> roster.requireSchoolStaff(id, id.equals(chair) ? "chairId" : "memberIds"));
        DecisionRule rule = validRule(command.decisionRule());
        apply(new TeamFormedEvent(command.teamId(), command.trustId(), name, remit, chair,
                new ArrayList<>(memberIds), rule, actorId));
    }

    @CommandHandler
    public void handle(AddTeamMemberCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters rosters) {
        Roster roster = rosters.of(trustId);
        roster.requireExecutive(actorId, "change a team's members", unknownTeam());
        String personId = Check.present(command.personId(), "personId");
        roster.requireSchoolStaff(personId, "personId");
        if (members.contains(personId)) {
            throw DomainException.badRequest("person '" + personId + "' is already a member of this team");
        }
        apply(new TeamMemberAddedEvent(teamId, trustId, personId, actorId));
    }

    @CommandHandler
    public void handle(RemoveTeamMemberCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters rosters) {
        rosters.of(trustId).requireExecutive(actorId, "change a team's members", unknownTeam());
        String personId = Check.present(command.personId(), "personId");
        if (!members.contains(personId)) {
            throw DomainException.badRequest("person '" + personId + "' is not a member of this team");
        }
        if (personId.equals(chairId)) {
            throw DomainException.badRequest("the chair cannot be removed from the team");
        }
        apply(new TeamMemberRemovedEvent(teamId, trustId, personId, actorId));
    }

    /**
     * A member delegates their votes for a period. Refused: a delegate who is not a member, oneself, dates in the
     * wrong order or past, a period that overlaps one of the caller's own delegations, and any chain (the delegate
     * has delegated for part of the period, or someone has delegated to the caller for part of it).
     *
     * @return the delegation's id
     */
    @CommandHandler
    public String handle(DelegateVotesForPeriodCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                         TrustRosters rosters) {
        requireMember(actorId, rosters, "delegate their votes");
        String delegationId = Check.present(command.delegationId(), "delegationId");
        String delegateId = Check.present(command.delegateId(), "delegateId");
        if (delegateId.equals(actorId)) {
            throw DomainException.badRequest("you cannot delegate your vote to yourself");
        }
        if (!members.contains(delegateId)) {
            throw DomainException.badRequest("delegate '" + delegateId + "' is not a member of this team");
        }
        LocalDate today = DomainClock.today();
        LocalDate from = command.from() != null ? command.from() : today;
        LocalDate to = Check.present(command.to(), "to");
        if (to.isBefore(from)) {
            throw DomainException.badRequest("to (" + to + ") must not be before from (" + from + ")");
        }
        if (to.isBefore(today)) {
            throw DomainException.badRequest("to (" + to + ") is in the past");
        }
        if (from.plusDays(MAX_DELEGATION_DAYS).isBefore(to)) {
            throw DomainException.badRequest("a period delegation lasts at most " + MAX_DELEGATION_DAYS
                    + " days, from " + from + " to " + to + " is longer");
        }
        for (PeriodDelegation d : inForce()) {
            if (!d.overlaps(from, to)) {
                continue;
            }
            if (d.delegatorId().equals(actorId)) {
                throw DomainException.badRequest("you have already delegated your votes from " + d.from() + " to "
                        + d.to() + " (delegation '" + d.delegationId() + "'): revoke it first");
            }
            if (d.delegatorId().equals(delegateId)) {
                throw DomainException.badRequest("a delegation chain: '" + delegateId
                        + "' has delegated their own votes from " + d.from() + " to " + d.to()
                        + ", and a delegated vote cannot be passed on");
            }
            if (d.delegateId().equals(actorId)) {
                throw DomainException.badRequest("a delegation chain: '" + d.delegatorId()
                        + "' has delegated their votes to you from " + d.from() + " to " + d.to()
                        + ", and a delegated vote cannot be passed on");
            }
        }
        apply(new VotesDelegatedForPeriodEvent(teamId, trustId, delegationId, actorId, delegateId, from, to,
                DomainClock.now()));
        return delegationId;
    }

    /** Only the member who made it revokes a period delegation; it then reaches no proposal that opens later. */
    @CommandHandler
    public String handle(RevokePeriodDelegationCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                         TrustRosters rosters) {
        if (!rosters.of(trustId).hasPerson(actorId)) {
            throw unknownTeam();
        }
        String delegationId = Check.present(command.delegationId(), "delegationId");
        PeriodDelegation delegation = delegations.get(delegationId);
        String delegator = delegation != null ? delegation.delegatorId() : revokedDelegations.get(delegationId);
        if (delegator == null) {
            throw DomainException.notFound("unknown delegation '" + delegationId + "' in this team");
        }
        if (!delegator.equals(actorId)) {
            throw DomainException.forbidden("only the member who delegated their votes may revoke the delegation");
        }
        if (delegation == null) {
            throw DomainException.conflict("delegation '" + delegationId + "' was already revoked or has ended");
        }
        apply(new PeriodDelegationRevokedEvent(teamId, trustId, delegationId, actorId, DomainClock.now()));
        return delegationId;
    }

    private void requireMember(String actorId, TrustRosters rosters, String action) {
        if (!members.contains(actorId)) {
            if (!rosters.of(trustId).hasPerson(actorId)) {
                throw unknownTeam();
            }
            throw DomainException.forbidden("only members of the team may " + action);
        }
    }

    /** Period delegations neither revoked nor ended by their delegator or delegate leaving the team. */
    private List<PeriodDelegation> inForce() {
        return List.copyOf(delegations.values());
    }

    /** The team as it stands, for other aggregates (who may propose, who may vote, by which rule). */
    public TeamRoster roster() {
        return new TeamRoster(teamId, trustId, chairId, List.copyOf(members), rule, inForce());
    }

    /** The words used for a team id that does not exist (see Commands), so an outsider cannot tell the two apart. */
    private DomainException unknownTeam() {
        return DomainException.notFound("unknown team '" + teamId + "'");
    }

    static DecisionRule validRule(DecisionRule rule) {
        Check.present(rule, "decisionRule");
        Check.present(rule.mode(), "decisionRule.mode");
        Check.fraction(rule.quorum(), "decisionRule.quorum");
        Check.fraction(rule.threshold(), "decisionRule.threshold");
        if (rule.threshold() == 0) {
            throw DomainException.badRequest("decisionRule.threshold must be more than 0");
        }
        if (rule.votingWindowHours() < 1 || rule.votingWindowHours() > MAX_VOTING_WINDOW_HOURS) {
            throw DomainException.badRequest("decisionRule.votingWindowHours must be from 1 to "
                    + MAX_VOTING_WINDOW_HOURS + ", was " + rule.votingWindowHours());
        }
        return rule;
    }

    @EventSourcingHandler
    void on(TeamFormedEvent event) {
        teamId = event.teamId();
        trustId = event.trustId();
        chairId = event.chairId();
        rule = event.decisionRule();
        members.addAll(event.memberIds());
    }

    @EventSourcingHandler
    void on(TeamMemberAddedEvent event) {
        members.add(event.personId());
    }

    @EventSourcingHandler
    void on(TeamMemberRemovedEvent event) {
        members.remove(event.personId());
        // a period delegation ends for good when its delegator or its delegate leaves the team
        List<PeriodDelegation> ended = delegations.values().stream()
                .filter(d -> d.delegatorId().equals(event.personId()) || d.delegateId().equals(event.personId()))
                .toList();
        ended.forEach(d -> {
            delegations.remove(d.delegationId());
            revokedDelegations.put(d.delegationId(), d.delegatorId());
        });
    }

    @EventSourcingHandler
    void on(VotesDelegatedForPeriodEvent event) {
        delegations.put(event.delegationId(), new PeriodDelegation(event.delegationId(), event.delegatorId(),
                event.delegateId(), event.from(), event.to()));
    }

    @EventSourcingHandler
    void on(PeriodDelegationRevokedEvent event) {
        delegations.remove(event.delegationId());
        revokedDelegations.put(event.delegationId(), event.delegatorId());
    }
}
