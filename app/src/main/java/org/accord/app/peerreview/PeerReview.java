package org.accord.app.peerreview;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.peerreview.ActionProgress;
import org.accord.api.peerreview.AddPeerReviewFindingCommand;
import org.accord.api.peerreview.AgreePeerReviewActionCommand;
import org.accord.api.peerreview.FollowUpPeerReviewActionCommand;
import org.accord.api.peerreview.NoteFindingAgainstStandardCommand;
import org.accord.api.peerreview.PeerReviewActionAgreedEvent;
import org.accord.api.peerreview.PeerReviewActionFollowedUpEvent;
import org.accord.api.peerreview.PeerReviewFindingAddedEvent;
import org.accord.api.peerreview.PeerReviewFindingNotedAgainstStandardEvent;
import org.accord.api.peerreview.PeerReviewFindingRaisedAsRequestEvent;
import org.accord.api.peerreview.PeerReviewRecordedEvent;
import org.accord.api.peerreview.RaiseRequestFromFindingCommand;
import org.accord.api.peerreview.RecordPeerReviewCommand;
import org.accord.api.request.RaiseRequestCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.app.request.Request;
import org.accord.app.request.RequestRouting;
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
 * A review between schools: a school (or a cross-cutting team) reviews another school in some areas on a date, records
 * what it found, and the two agree actions that are followed up. The reviewers (the reviewing school's people, or the
 * team's members) record findings; the reviewers or the reviewed school's headteacher agree and follow up actions; a
 * finding may become a request for standardisation, raised under the request's own rules in the same step, or be
 * noted against a standard. The trust executive may do each of these, as the one who organises reviews.
 */
@Aggregate(cache = "aggregateCache")
public class PeerReview {

    @AggregateIdentifier
    private String peerReviewId;
    private String trustId;
    private String reviewedSchoolId;
    private String reviewingSchoolId;
    private String reviewingTeamId;
    private Set<Area> areas = Set.of();
    private final Map<String, Finding> findings = new HashMap<>();

    private record Finding(Area area, String text) {
    }

    private final Set<String> findingsRaised = new HashSet<>();
    private final Set<String> notes = new HashSet<>();
    private final Map<String, ActionProgress> actions = new HashMap<>();

    protected PeerReview() {
        // for Axon
    }

    @CommandHandler
    public PeerReview(RecordPeerReviewCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                      TrustRosters trusts, TeamRosters teams) {
        Check.present(command.peerReviewId(), "peerReviewId");
        Roster roster = trusts.of(command.trustId());
        if (!roster.hasPerson(actorId)) {
            throw Roster.unknownTrust(command.trustId());
        }
        String reviewed = school(roster, command.reviewedSchoolId(), "reviewedSchoolId");
        boolean bySchool = command.reviewingSchoolId() != null;
        if (bySchool == (command.reviewingTeamId() != null)) {
            throw DomainException.badRequest("a peer review is made by one school (reviewingSchoolId) or one team"
                    + " (reviewingTeamId): name exactly one");
        }
        if (bySchool) {
            String reviewing = school(roster, command.reviewingSchoolId(), "reviewingSchoolId");
            if (reviewing.equals(reviewed)) {
                throw DomainException.badRequest("a school does not peer-review itself: the reviewing school must be"
                        + " another school of the trust");
            }
            if (!roster.isExecutive(actorId) && !roster.isHeadteacherOf(actorId, reviewing)) {
                throw DomainException.forbidden("only the headteacher of the reviewing school or a trust executive"
                        + " may record a peer review");
            }
        } else {
            TeamRoster team = teams.of(command.reviewingTeamId());
            if (!command.trustId().equals(team.trustId())) {
                throw DomainException.badRequest("reviewingTeamId '" + command.reviewingTeamId()
                        + "' is not a team of this trust");
            }
            if (!roster.isExecutive(actorId) && !team.isMember(actorId)) {
                throw DomainException.forbidden("only a member of the reviewing team or a trust executive may record"
                        + " a peer review");
            }
        }
        List<Area> covered = List.copyOf(new LinkedHashSet<>(Check.noNulls(Check.notEmpty(
                Check.present(command.areas(), "areas"), "areas"), "areas")));
        LocalDate on = Check.present(command.reviewedOn(), "reviewedOn");
        if (on.isAfter(DomainClock.today())) {
            throw DomainException.badRequest("reviewedOn " + on + " is in the future: record a peer review once it"
                    + " has taken place");
        }
        apply(new PeerReviewRecordedEvent(command.peerReviewId(), command.trustId(), reviewed,
                command.reviewingSchoolId(), command.reviewingTeamId(), covered, on, actorId, DomainClock.now()));
    }

    @CommandHandler
    public void handle(AddPeerReviewFindingCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts, TeamRosters teams) {
        requireReviewer(actorId, trusts, teams, "record a finding");
        String findingId = Check.present(command.findingId(), "findingId");
        Area area = Check.present(command.area(), "area");
        if (!areas.contains(area)) {
            throw DomainException.badRequest("area " + area + " was not among the review's areas " + areas);
        }
        apply(new PeerReviewFindingAddedEvent(peerReviewId, trustId, findingId, area,
                Check.present(command.kind(), "kind"), Check.requiredText(command.text(), "text"), actorId,
                DomainClock.now()));
    }

    @CommandHandler
    public void handle(AgreePeerReviewActionCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts, TeamRosters teams) {
        requireParty(actorId, trusts, teams, "agree an action");
        if (command.findingId() != null) {
            requireFinding(command.findingId());
        }
        LocalDate due = Check.present(command.dueBy(), "dueBy");
        if (!due.isAfter(DomainClock.today())) {
            throw DomainException.badRequest("dueBy must be in the future, was " + due);
        }
        apply(new PeerReviewActionAgreedEvent(peerReviewId, trustId, Check.present(command.actionId(), "actionId"),
                command.findingId(), Check.requiredText(command.action(), "action"), due, actorId,
                DomainClock.now()));
    }

    @CommandHandler
    public void handle(FollowUpPeerReviewActionCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts, TeamRosters teams) {
        requireParty(actorId, trusts, teams, "follow up an action");
        ActionProgress now = command.actionId() == null ? null : actions.get(command.actionId());
        if (now == null) {
            throw DomainException.notFound("unknown action '" + command.actionId() + "' of this peer review");
        }
        if (now.isDone()) {
            throw DomainException.conflict("the action is COMPLETED: its follow-up is over");
        }
        apply(new PeerReviewActionFollowedUpEvent(peerReviewId, trustId, command.actionId(),
                Check.present(command.progress(), "progress"), Check.requiredText(command.note(), "note"), actorId,
                DomainClock.now()));
    }

    /**
     * The finding becomes a request of the caller's school under the request's rules (a headteacher or member of
     * staff raises it; routed by the finding's area). The request is the trust's to read, so what is raised is what
     * the caller chooses to say ({@code title}, {@code reason}); the reason defaults to the finding's text.
     */
    @CommandHandler
    public void handle(RaiseRequestFromFindingCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts, TeamRosters teams, RequestRouting routing) throws Exception {
        requireParty(actorId, trusts, teams, "raise a finding as a request");
        Finding finding = requireFinding(command.findingId());
        if (findingsRaised.contains(command.findingId())) {
            throw DomainException.conflict("the finding was already raised as a request");
        }
        String requestId = Check.present(command.requestId(), "requestId");
        String reason = command.reason() != null && !command.reason().isBlank() ? command.reason()
                : finding.text();
        RaiseRequestCommand raise = new RaiseRequestCommand(requestId, trustId, finding.area(), command.title(), reason,
                command.routeToExecutive());
        createNew(Request.class, () -> new Request(raise, actorId, trusts, routing));
        apply(new PeerReviewFindingRaisedAsRequestEvent(peerReviewId, trustId, command.findingId(), requestId,
                actorId, DomainClock.now()));
    }

    @CommandHandler
    public void handle(NoteFindingAgainstStandardCommand command, @MetaDataValue(Actor.METADATA_KEY) String actorId,
                       TrustRosters trusts, TeamRosters teams, StandardLookup standards) {
        requireParty(actorId, trusts, teams, "note a finding against a standard");
        requireFinding(command.findingId());
        String standardId = Check.present(command.standardId(), "standardId");
        StandardLookup.StandardFacts standard = standards.find(trustId, standardId)
                .orElseThrow(() -> DomainException.notFound("unknown standard '" + standardId + "'"));
        if (standard.retired()) {
            throw DomainException.badRequest("standard '" + standardId + "' is retired");
        }
        if (notes.contains(command.findingId() + ":" + standardId)) {
            throw DomainException.conflict("the finding is already noted against standard '" + standardId + "'");
        }
        apply(new PeerReviewFindingNotedAgainstStandardEvent(peerReviewId, trustId, command.findingId(), standardId,
                standard.currentVersion(), actorId, DomainClock.now()));
    }

    /** The reviewers: the reviewing school's headteacher and staff, or the reviewing team's members; the executive. */
    private void requireReviewer(String actorId, TrustRosters trusts, TeamRosters teams, String action) {
        Roster roster = member(actorId, trusts);
        if (!roster.isExecutive(actorId) && !isReviewer(actorId, roster, teams)) {
            throw DomainException.forbidden("only the reviewers or a trust executive may " + action);
        }
    }

    /** The reviewers, the reviewed school's headteacher, the executive. */
    private void requireParty(String actorId, TrustRosters trusts, TeamRosters teams, String action) {
        Roster roster = member(actorId, trusts);
        if (!roster.isExecutive(actorId) && !isReviewer(actorId, roster, teams)
                && !roster.isHeadteacherOf(actorId, reviewedSchoolId)) {
            throw DomainException.forbidden("only the reviewers, the reviewed school's headteacher or a trust"
                    + " executive may " + action);
        }
    }

    private boolean isReviewer(String actorId, Roster roster, TeamRosters teams) {
        if (reviewingTeamId != null) {
            return teams.of(reviewingTeamId).isMember(actorId);
        }
        Roster.Membership m = roster.people().get(actorId);
        return m != null && reviewingSchoolId.equals(m.schoolId()) && m.roles().stream().anyMatch(r -> r.isSchoolRole());
    }

    /** Someone of another trust is told the review is unknown, as for one that does not exist. */
    private Roster member(String actorId, TrustRosters trusts) {
        Roster roster = trusts.of(trustId);
        if (!roster.hasPerson(actorId)) {
            throw DomainException.notFound("unknown peer review '" + peerReviewId + "'");
        }
        return roster;
    }

    private Finding requireFinding(String findingId) {
        Finding finding = findingId == null ? null : findings.get(findingId);
        if (finding == null) {
            throw DomainException.notFound("unknown finding '" + findingId + "' of this peer review");
        }
        return finding;
    }

    private static String school(Roster roster, String schoolId, String field) {
        Check.present(schoolId, field);
        if (!roster.hasSchool(schoolId)) {
            throw DomainException.badRequest(field + " '" + schoolId + "' is not a school of this trust");
        }
        return schoolId;
    }

    @EventSourcingHandler
    void on(PeerReviewRecordedEvent e) {
        peerReviewId = e.peerReviewId();
        trustId = e.trustId();
        reviewedSchoolId = e.reviewedSchoolId();
        reviewingSchoolId = e.reviewingSchoolId();
        reviewingTeamId = e.reviewingTeamId();
        areas = new LinkedHashSet<>(e.areas());
    }

    @EventSourcingHandler
    void on(PeerReviewFindingAddedEvent e) {
        findings.put(e.findingId(), new Finding(e.area(), e.text()));
    }

    @EventSourcingHandler
    void on(PeerReviewFindingRaisedAsRequestEvent e) {
        findingsRaised.add(e.findingId());
    }

    @EventSourcingHandler
    void on(PeerReviewFindingNotedAgainstStandardEvent e) {
        notes.add(e.findingId() + ":" + e.standardId());
    }

    @EventSourcingHandler
    void on(PeerReviewActionAgreedEvent e) {
        actions.put(e.actionId(), ActionProgress.NOT_STARTED);
    }

    @EventSourcingHandler
    void on(PeerReviewActionFollowedUpEvent e) {
        actions.put(e.actionId(), e.progress());
    }
}
