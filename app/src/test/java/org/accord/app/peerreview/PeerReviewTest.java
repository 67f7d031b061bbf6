package org.accord.app.peerreview;

import static org.accord.app.support.Refusals.refusedAs;
import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.CONFLICT;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.peerreview.ActionProgress;
import org.accord.api.peerreview.AddPeerReviewFindingCommand;
import org.accord.api.peerreview.AgreePeerReviewActionCommand;
import org.accord.api.peerreview.FindingKind;
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
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.trust.PersonRole;
import org.accord.app.request.RequestRouting;
import org.accord.app.standard.StandardLookup;
import org.accord.app.team.TeamRoster;
import org.accord.app.team.TeamRosters;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeerReviewTest {

    private static final String TRUST = "trust-1";
    private static final String REVIEW = "review-1";
    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final String CEDAR = "school-cedar";
    private static final String TEAM = "team-send";
    private static final String HEAD_ASH = "p-head-ash";
    private static final String STAFF_ASH = "p-staff-ash";
    private static final String HEAD_BIRCH = "p-head-birch";
    private static final String STAFF_BIRCH = "p-staff-birch";
    private static final String HEAD_CEDAR = "p-head-cedar";
    private static final String SENDCO = "p-sendco";
    private static final String EXEC = "p-exec";
    private static final String BOARD = "p-board";
    private static final String OUTSIDER = "p-outsider";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate VISIT = LocalDate.of(2026, 2, 24);
    private static final DecisionRule RULE = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            HEAD_ASH, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), ASH),
            STAFF_ASH, new Roster.Membership(Set.of(PersonRole.STAFF), ASH),
            HEAD_BIRCH, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), BIRCH),
            STAFF_BIRCH, new Roster.Membership(Set.of(PersonRole.STAFF), BIRCH),
            HEAD_CEDAR, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), CEDAR),
            SENDCO, new Roster.Membership(Set.of(PersonRole.STAFF), CEDAR),
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            BOARD, new Roster.Membership(Set.of(PersonRole.BOARD_MEMBER), null)),
            Set.of(ASH, BIRCH, CEDAR));

    private FixtureConfiguration<PeerReview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PeerReview.class);
        fixture.registerInjectableResource((TrustRosters) id -> {
            if (!TRUST.equals(id)) {
                throw Roster.unknownTrust(id);
            }
            return ROSTER;
        });
        fixture.registerInjectableResource((TeamRosters) id -> switch (id) {
            case TEAM -> new TeamRoster(TEAM, TRUST, SENDCO, List.of(SENDCO), RULE);
            case "team-elsewhere" -> new TeamRoster("team-elsewhere", "trust-2", "p-x", List.of("p-x"), RULE);
            default -> throw DomainException.notFound("unknown team '" + id + "'");
        });
        fixture.registerInjectableResource((RequestRouting) (trustId, area) ->
                area == Area.SEND ? List.of(TEAM) : List.of());
        fixture.registerInjectableResource((StandardLookup) (trustId, standardId) -> switch (standardId) {
            case "std-1" -> Optional.of(new StandardLookup.StandardFacts(TRUST, 2, false));
            case "std-retired" -> Optional.of(new StandardLookup.StandardFacts(TRUST, 1, true));
            default -> Optional.empty();
        });
    }

    private static CommandMessage<?> as(String actorId, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(Actor.METADATA_KEY, actorId));
    }

    private static RecordPeerReviewCommand record(String reviewed, String bySchool, String byTeam, List<Area> areas,
                                                  LocalDate on) {
        return new RecordPeerReviewCommand(REVIEW, TRUST, reviewed, bySchool, byTeam, areas, on);
    }

    /** Ash reviewed Birch's SEND and behaviour. */
    private static PeerReviewRecordedEvent recorded() {
        return new PeerReviewRecordedEvent(REVIEW, TRUST, BIRCH, ASH, null, List.of(Area.SEND, Area.BEHAVIOUR),
                VISIT, HEAD_ASH, T0);
    }

    private static PeerReviewFindingAddedEvent found() {
        return new PeerReviewFindingAddedEvent(REVIEW, TRUST, "f-1", Area.SEND, FindingKind.AREA_FOR_DEVELOPMENT,
                "Pupil passports are not shared with cover staff.", STAFF_ASH, T0);
    }

    private static PeerReviewActionAgreedEvent agreed() {
        return new PeerReviewActionAgreedEvent(REVIEW, TRUST, "a-1", "f-1", "Share passports with cover staff.",
                LocalDate.of(2026, 4, 30), HEAD_BIRCH, T0);
    }

    private ResultValidator<PeerReview> when(String actor, Object command, Object... given) {
        return fixture.givenCurrentTime(T0).andGiven(given).when(as(actor, command));
    }

    private static void refused(ResultValidator<PeerReview> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class).expectException(refusedAs(kind))
              .expectExceptionMessage(org.hamcrest.Matchers.containsString(message)).expectNoEvents();
    }

    @Test
    void theReviewingSchoolsHeadRecordsAReviewOfAnotherSchool() {
        when(HEAD_ASH, record(BIRCH, ASH, null, List.of(Area.SEND, Area.BEHAVIOUR, Area.SEND), VISIT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(recorded());
    }

    @Test
    void aMemberOfTheReviewingTeamRecordsATeamsReview() {
        when(SENDCO, record(BIRCH, null, TEAM, List.of(Area.SEND), VISIT))
                .expectEvents(new PeerReviewRecordedEvent(REVIEW, TRUST, BIRCH, null, TEAM, List.of(Area.SEND), VISIT,
                        SENDCO, T0));
    }

    @Test
    void theExecutiveMayRecordAReviewTheyOrganised() {
        when(EXEC, record(BIRCH, ASH, null, List.of(Area.SEND), VISIT)).expectSuccessfulHandlerExecution();
    }

    @Test
    void aSchoolDoesNotReviewItself() {
        refused(when(HEAD_ASH, record(ASH, ASH, null, List.of(Area.SEND), VISIT)), BAD_REQUEST,
                "a school does not peer-review itself");
    }

    @Test
    void aReviewNamesExactlyOneReviewingSchoolOrTeam() {
        refused(when(HEAD_ASH, record(BIRCH, ASH, TEAM, List.of(Area.SEND), VISIT)), BAD_REQUEST,
                "name exactly one");
        refused(when(HEAD_ASH, record(BIRCH, null, null, List.of(Area.SEND), VISIT)), BAD_REQUEST,
                "name exactly one");
    }

    @Test
    void aReviewWithoutAreasInTheFutureOrOfAnotherTrustsSchoolOrTeamIsRefused() {
        refused(when(HEAD_ASH, record(BIRCH, ASH, null, List.of(), VISIT)), BAD_REQUEST, "areas");
        refused(when(HEAD_ASH, record(BIRCH, ASH, null, List.of(Area.SEND), TODAY.plusDays(1))), BAD_REQUEST,
                "reviewedOn 2026-03-03 is in the future");
        refused(when(HEAD_ASH, record("school-elsewhere", ASH, null, List.of(Area.SEND), VISIT)), BAD_REQUEST,
                "reviewedSchoolId 'school-elsewhere' is not a school of this trust");
        refused(when(SENDCO, record(BIRCH, null, "team-elsewhere", List.of(Area.SEND), VISIT)), BAD_REQUEST,
                "is not a team of this trust");
    }

    @Test
    void onlyTheReviewingSchoolsHeadTheTeamOrTheExecutiveRecordsAReview() {
        refused(when(STAFF_ASH, record(BIRCH, ASH, null, List.of(Area.SEND), VISIT)), FORBIDDEN,
                "only the headteacher of the reviewing school or a trust executive may record a peer review");
        refused(when(HEAD_CEDAR, record(BIRCH, null, TEAM, List.of(Area.SEND), VISIT)), FORBIDDEN,
                "only a member of the reviewing team or a trust executive may record a peer review");
        refused(when(OUTSIDER, record(BIRCH, ASH, null, List.of(Area.SEND), VISIT)), NOT_FOUND,
                "unknown trust 'trust-1'");
    }

    @Test
    void aReviewerRecordsAFindingInOneOfTheReviewsAreas() {
        when(STAFF_ASH, new AddPeerReviewFindingCommand(REVIEW, "f-1", Area.SEND, FindingKind.AREA_FOR_DEVELOPMENT,
                "Pupil passports are not shared with cover staff."), recorded())
                .expectEvents(found());
    }

    @Test
    void aFindingOutsideTheAreasWithoutTextOrByTheReviewedSchoolIsRefused() {
        refused(when(STAFF_ASH, new AddPeerReviewFindingCommand(REVIEW, "f-1", Area.FINANCE, FindingKind.STRENGTH,
                "t"), recorded()), BAD_REQUEST, "area FINANCE was not among the review's areas");
        refused(when(STAFF_ASH, new AddPeerReviewFindingCommand(REVIEW, "f-1", Area.SEND, FindingKind.STRENGTH,
                " "), recorded()), BAD_REQUEST, "text must not be blank");
        refused(when(HEAD_BIRCH, new AddPeerReviewFindingCommand(REVIEW, "f-1", Area.SEND, FindingKind.STRENGTH,
                "t"), recorded()), FORBIDDEN, "only the reviewers or a trust executive may record a finding");
        refused(when(OUTSIDER, new AddPeerReviewFindingCommand(REVIEW, "f-1", Area.SEND, FindingKind.STRENGTH,
                "t"), recorded()), NOT_FOUND, "unknown peer review 'review-1'");
    }

    @Test
    void theReviewedSchoolsHeadAgreesAnActionAnsweringAFinding() {
        when(HEAD_BIRCH, new AgreePeerReviewActionCommand(REVIEW, "a-1", "f-1", "Share passports with cover staff.",
                LocalDate.of(2026, 4, 30)), recorded(), found())
                .expectEvents(agreed());
    }

    @Test
    void anActionDueInThePastForAnUnknownFindingOrByAnotherSchoolIsRefused() {
        refused(when(HEAD_BIRCH, new AgreePeerReviewActionCommand(REVIEW, "a-1", null, "Do it", TODAY),
                recorded()), BAD_REQUEST, "dueBy must be in the future, was 2026-03-02");
        refused(when(HEAD_BIRCH, new AgreePeerReviewActionCommand(REVIEW, "a-1", "f-9", "Do it",
                TODAY.plusDays(9)), recorded()), NOT_FOUND, "unknown finding 'f-9' of this peer review");
        refused(when(HEAD_CEDAR, new AgreePeerReviewActionCommand(REVIEW, "a-1", null, "Do it", TODAY.plusDays(9)),
                recorded()), FORBIDDEN, "only the reviewers, the reviewed school's headteacher or a trust executive");
        refused(when(STAFF_BIRCH, new AgreePeerReviewActionCommand(REVIEW, "a-1", null, "Do it",
                TODAY.plusDays(9)), recorded()), FORBIDDEN, "only the reviewers, the reviewed school's headteacher");
    }

    @Test
    void anActionIsFollowedUpUntilCompletedAndNotAfter() {
        when(HEAD_ASH, new FollowUpPeerReviewActionCommand(REVIEW, "a-1", ActionProgress.IN_PROGRESS,
                "Half the cover staff have them."), recorded(), found(), agreed())
                .expectEvents(new PeerReviewActionFollowedUpEvent(REVIEW, TRUST, "a-1", ActionProgress.IN_PROGRESS,
                        "Half the cover staff have them.", HEAD_ASH, T0));
        refused(when(HEAD_ASH, new FollowUpPeerReviewActionCommand(REVIEW, "a-1", ActionProgress.IN_PROGRESS, "x"),
                recorded(), found(), agreed(), new PeerReviewActionFollowedUpEvent(REVIEW, TRUST, "a-1",
                        ActionProgress.COMPLETED, "Done", HEAD_BIRCH, T0)), CONFLICT, "the action is COMPLETED");
        refused(when(HEAD_ASH, new FollowUpPeerReviewActionCommand(REVIEW, "a-9", ActionProgress.COMPLETED, "x"),
                recorded()), NOT_FOUND, "unknown action 'a-9'");
        refused(when(HEAD_ASH, new FollowUpPeerReviewActionCommand(REVIEW, "a-1", ActionProgress.COMPLETED, ""),
                recorded(), found(), agreed()), BAD_REQUEST, "note must not be blank");
    }

    @Test
    void aFindingRaisedAsARequestIsRaisedUnderTheRequestsRulesInTheSameStep() {
        when(HEAD_BIRCH, new RaiseRequestFromFindingCommand(REVIEW, "f-1", "request-1",
                "One way to share pupil passports", null, false), recorded(), found())
                .expectEvents(new RequestRaisedEvent("request-1", TRUST, BIRCH, Area.SEND,
                                "One way to share pupil passports", "Pupil passports are not shared with cover staff.",
                                List.of(TEAM), false, HEAD_BIRCH, T0),
                        new PeerReviewFindingRaisedAsRequestEvent(REVIEW, TRUST, "f-1", "request-1", HEAD_BIRCH, T0));
    }

    @Test
    void aFindingIsRaisedOnceAndOnlyBySomeoneARequestMayComeFrom() {
        refused(when(HEAD_BIRCH, new RaiseRequestFromFindingCommand(REVIEW, "f-1", "request-2", "Again", null,
                        false), recorded(), found(),
                new PeerReviewFindingRaisedAsRequestEvent(REVIEW, TRUST, "f-1", "request-1", HEAD_BIRCH, T0)),
                CONFLICT, "the finding was already raised as a request");
        refused(when(EXEC, new RaiseRequestFromFindingCommand(REVIEW, "f-1", "request-2", "By the executive", null,
                false), recorded(), found()), FORBIDDEN,
                "only a headteacher or a member of staff of a school may raise a request");
    }

    @Test
    void aFindingIsNotedAgainstAStandardsCurrentVersionOnce() {
        when(HEAD_ASH, new NoteFindingAgainstStandardCommand(REVIEW, "f-1", "std-1"), recorded(), found())
                .expectEvents(new PeerReviewFindingNotedAgainstStandardEvent(REVIEW, TRUST, "f-1", "std-1", 2,
                        HEAD_ASH, T0));
        refused(when(HEAD_ASH, new NoteFindingAgainstStandardCommand(REVIEW, "f-1", "std-1"), recorded(), found(),
                new PeerReviewFindingNotedAgainstStandardEvent(REVIEW, TRUST, "f-1", "std-1", 2, HEAD_ASH, T0)),
                CONFLICT, "already noted against standard 'std-1'");
        refused(when(HEAD_ASH, new NoteFindingAgainstStandardCommand(REVIEW, "f-1", "std-retired"), recorded(),
                found()), BAD_REQUEST, "standard 'std-retired' is retired");
        refused(when(HEAD_ASH, new NoteFindingAgainstStandardCommand(REVIEW, "f-1", "std-other"), recorded(),
                found()), NOT_FOUND, "unknown standard 'std-other'");
    }
}
