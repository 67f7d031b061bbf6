package org.accord.app.request;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.accord.api.proposal.DraftProposalCommand;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.request.DeclineRequestCommand;
import org.accord.api.request.RaiseRequestCommand;
import org.accord.api.request.RequestDeclinedEvent;
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.request.RequestStatus;
import org.accord.api.request.RequestSupportedEvent;
import org.accord.api.request.RequestTakenUpEvent;
import org.accord.api.request.SupportRequestCommand;
import org.accord.api.request.TakeUpRequestCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.app.proposal.Proposal;
import org.accord.app.shared.Check;
import org.accord.app.shared.DomainClock;
import org.accord.app.standard.StandardLookup;
import org.accord.app.team.TeamRoster;
import org.accord.app.team.TeamRosters;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A school's request for standardisation: raised by a head or a member of staff, routed by area to the teams whose
 * remit covers it (or, when the raiser agrees, to the trust executive where none does), supported by people of other
 * schools, then taken up into a draft proposal or declined.
 * <p>
 * Taking up drafts the proposal through {@link Proposal}'s own drafting rules, in the same unit of work: either both
 * the draft and the take-up are recorded, or neither.
 */
@Aggregate(cache = "aggregateCache")
public class Request {

    @AggregateIdentifier
    private String requestId;
    private String trustId;
    private String schoolId;
    private String raisedBy;
    private Area area;
    private String title;
    private List<String> routedTeamIds = List.of();
    private boolean routedToExecutive;
    private RequestStatus status;
    private final Set<String> supporters = new HashSet<>();

    protected Request() {
        // for Axon
    }

    @CommandHandler
    public Request(RaiseRequestCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                   TrustRosters trusts, RequestRouting routing) {
        Check.present(command.requestId(), "requestId");
        Roster roster = trusts.of(command.trustId());
        Roster.Membership caller = actorId == null ? null : roster.people().get(actorId);
        if (caller == null) {
            throw Roster.unknownTrust(command.trustId());
        }
        if (caller.schoolId() == null || caller.roles().stream().noneMatch(r -> r.isSchoolRole())) {
            throw DomainException.forbidden("only a headteacher or a member of staff of a school may raise a request");
        }
        Area requested = Check.present(command.area(), "area");
        String name = Check.name(command.title(), "title");
        String why = Check.requiredText(command.reason(), "reason");
        List<String> teams = List.copyOf(routing.teamsCovering(command.trustId(), requested));
        if (teams.isEmpty() && !command.routeToExecutive()) {
            throw DomainException.badRequest("no team's remit covers " + requested
                    + ": raise it with routeToExecutive to send it to the trust executive");
        }
        apply(new RequestRaisedEvent(command.requestId(), command.trustId(), caller.schoolId(), requested, name, why,
                teams, teams.isEmpty(), actorId, DomainClock.now()));
    }

    @CommandHandler
    public void handle(SupportRequestCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts) {
        Roster.Membership caller = member(actorId, trusts);
        if (actorId.equals(raisedBy)) {
            throw DomainException.badRequest("the raiser of a request cannot support their own request");
        }
        if (caller.schoolId() == null) {
            throw DomainException.forbidden("only people of the trust's schools may support a request");
        }
        if (caller.schoolId().equals(schoolId)) {
            throw DomainException.badRequest("support comes from other schools: the request was raised by yours");
        }
        if (supporters.contains(actorId)) {
            throw DomainException.badRequest("you already support this request: support is given once per person");
        }
        requireOpen("supported");
        String why = Check.requiredText(command.reason(), "reason");
        apply(new RequestSupportedEvent(requestId, trustId, caller.schoolId(), why, actorId, DomainClock.now()));
    }

    @CommandHandler
    public void handle(TakeUpRequestCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TeamRosters teams, TrustRosters trusts, StandardLookup standards) throws Exception {
        member(actorId, trusts);
        String teamId = Check.present(command.teamId(), "teamId");
        TeamRoster team = teams.of(teamId);
        boolean routedHere = routedTeamIds.contains(teamId) || (routedToExecutive && trustId.equals(team.trustId()));
        if (!routedHere) {
            throw DomainException.badRequest("the request was not routed to team '" + teamId + "'");
        }
        if (!team.isMember(actorId)) {
            throw DomainException.forbidden("only a member of a team the request was routed to may take it up");
        }
        requireOpen("taken up");
        String proposalId = Check.present(command.proposalId(), "proposalId");
        DraftProposalCommand draft = new DraftProposalCommand(proposalId, teamId, ProposalKind.NEW_STANDARD, null,
                null, fromRequest(command.content()));
        createNew(Proposal.class, () -> new Proposal(draft, actorId, teams, trusts, standards));
        apply(new RequestTakenUpEvent(requestId, trustId, teamId, proposalId, actorId, DomainClock.now()));
    }

    @CommandHandler
    public void handle(DeclineRequestCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TeamRosters teams, TrustRosters trusts) {
        Roster roster = trusts.of(trustId);
        member(actorId, trusts);
        boolean entitled = routedToExecutive ? roster.isExecutive(actorId)
                : routedTeamIds.stream().anyMatch(t -> teams.of(t).isMember(actorId));
        if (!entitled) {
            throw DomainException.forbidden(routedToExecutive
                    ? "only a trust executive may decline a request routed to the executive"
                    : "only a member of a team the request was routed to may decline it");
        }
        requireOpen("declined");
        String why = Check.requiredText(command.reason(), "reason");
        apply(new RequestDeclinedEvent(requestId, trustId, why, actorId, DomainClock.now()));
    }

    /** The proposal says what the request asked for unless the team words it otherwise. */
    private ProposalContent fromRequest(ProposalContent content) {
        ProposalContent c = Check.present(content, "proposal");
        return new ProposalContent(c.title() == null ? title : c.title(), c.area() == null ? area : c.area(),
                c.alignment(), c.statement(), c.rationale(), c.effectiveFrom(), c.reviewBy(), c.applicability(),
                c.attestationCadence());
    }

    private Roster.Membership member(String actorId, TrustRosters trusts) {
        Roster.Membership m = actorId == null ? null : trusts.of(trustId).people().get(actorId);
        if (m == null) {
            throw DomainException.notFound("unknown request '" + requestId + "'");
        }
        return m;
    }

    private void requireOpen(String action) {
        if (status != RequestStatus.OPEN) {
            throw DomainException.conflict("the request is " + status + ": only an open request can be " + action);
        }
    }

    @EventSourcingHandler
    void on(RequestRaisedEvent e) {
        requestId = e.requestId();
        trustId = e.trustId();
        schoolId = e.schoolId();
        raisedBy = e.raisedBy();
        area = e.area();
        title = e.title();
        routedTeamIds = e.routedTeamIds() == null ? List.of() : new ArrayList<>(e.routedTeamIds());
        routedToExecutive = e.routedToExecutive();
        status = RequestStatus.OPEN;
    }

    @EventSourcingHandler
    void on(RequestSupportedEvent e) {
        supporters.add(e.supportedBy());
    }

    @EventSourcingHandler
    void on(RequestTakenUpEvent e) {
        status = RequestStatus.TAKEN_UP;
    }

    @EventSourcingHandler
    void on(RequestDeclinedEvent e) {
        status = RequestStatus.DECLINED;
    }
}
