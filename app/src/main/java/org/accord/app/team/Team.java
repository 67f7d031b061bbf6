package org.accord.app.team;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.api.team.AddTeamMemberCommand;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.FormTeamCommand;
import org.accord.api.team.RemoveTeamMemberCommand;
import org.accord.api.team.TeamFormedEvent;
import org.accord.api.team.TeamMemberAddedEvent;
import org.accord.api.team.TeamMemberRemovedEvent;
import org.accord.app.shared.Check;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A cross-cutting team: its members (each from a school of the trust), its chair (always a member) and the rule by
 * which it decides. Formed and changed by a trust executive.
 */
@Aggregate(cache = "aggregateCache")
public class Team {

    /** A voting window longer than a school year is a mistake, not a choice. */
    static final int MAX_VOTING_WINDOW_HOURS = 24 * 366;

    @AggregateIdentifier
    private String teamId;
    private String trustId;
    private String chairId;
    private DecisionRule rule;
    private final Set<String> members = new LinkedHashSet<>();

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

    /** The team as it stands, for other aggregates (who may propose, who may vote, by which rule). */
    public TeamRoster roster() {
        return new TeamRoster(teamId, trustId, chairId, List.copyOf(members), rule);
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
    }
}
