package org.accord.app.request;

import static org.accord.app.support.Refusals.refusedAs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.request.DeclineRequestCommand;
import org.accord.api.request.RaiseRequestCommand;
import org.accord.api.request.RequestDeclinedEvent;
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.request.RequestSupportedEvent;
import org.accord.api.request.RequestTakenUpEvent;
import org.accord.api.request.SupportRequestCommand;
import org.accord.api.request.TakeUpRequestCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.trust.PersonRole;
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

class RequestTest {

    private static final String TRUST = "trust-1";
    private static final String SENDCOS = "team-sendcos";
    private static final String OTHER_TEAM = "team-english";
    private static final String REQUEST = "request-1";
    private static final String PROPOSAL = "proposal-1";
    private static final String HEAD = "p-head";
    private static final String COLLEAGUE = "p-colleague";
    private static final String STAFF2 = "p-staff2";
    private static final String SENDCO = "p-sendco";
    private static final String ENGLISH = "p-english";
    private static final String EXEC = "p-exec";
    private static final String BOARD = "p-board";
    private static final String OUTSIDER = "p-outsider";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final DecisionRule RULE = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            COLLEAGUE, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1"),
            STAFF2, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            SENDCO, new Roster.Membership(Set.of(PersonRole.STAFF), "school-3"),
            ENGLISH, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            BOARD, new Roster.Membership(Set.of(PersonRole.BOARD_MEMBER), null)),
            Set.of("school-1", "school-2", "school-3"));

    private static final ProposalContent CONTENT = new ProposalContent(null, null, AlignmentLevel.ADAPTABLE,
            "Every school plans adaptive teaching for pupils with SEND from one trust framework.",
            "Schools asked for it.", LocalDate.of(2026, 9, 1), LocalDate.of(2027, 9, 1));

    private FixtureConfiguration<Request> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Request.class);
        fixture.registerInjectableResource((TrustRosters) id -> {
            if (!TRUST.equals(id)) {
                throw Roster.unknownTrust(id);
            }
            return ROSTER;
        });
        fixture.registerInjectableResource((TeamRosters) id -> switch (id) {
            case SENDCOS -> new TeamRoster(SENDCOS, TRUST, SENDCO, List.of(SENDCO), RULE);
            case OTHER_TEAM -> new TeamRoster(OTHER_TEAM, TRUST, ENGLISH, List.of(ENGLISH), RULE);
            default -> throw DomainException.notFound("unknown team '" + id + "'");
        });
        fixture.registerInjectableResource((RequestRouting) (trustId, area) ->
                area == Area.SEND ? List.of(SENDCOS) : List.of());
        fixture.registerInjectableResource((StandardLookup) (trustId, standardId) -> Optional.empty());
    }

    private static CommandMessage<?> as(String actorId, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(Actor.METADATA_KEY, actorId));
    }

    private static RaiseRequestCommand raise(Area area, boolean toExecutive) {
        return new RaiseRequestCommand(REQUEST, TRUST, area, "SEND adaptive teaching", "We each do it differently.",
                toExecutive);
    }

    private static RequestRaisedEvent raised() {
        return new RequestRaisedEvent(REQUEST, TRUST, "school-1", Area.SEND, "SEND adaptive teaching",
                "We each do it differently.", List.of(SENDCOS), false, HEAD, T0);
    }

    private static RequestRaisedEvent raisedToExecutive() {
        return new RequestRaisedEvent(REQUEST, TRUST, "school-1", Area.FINANCE, "SEND adaptive teaching",
                "We each do it differently.", List.of(), true, HEAD, T0);
    }

    private static void refused(ResultValidator<Request> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class).expectException(refusedAs(kind))
              .expectExceptionMessage(message).expectNoEvents();
    }

    @Test
    void aHeadRaisesARequestRoutedToTheTeamWhoseRemitCoversTheArea() {
        fixture.givenCurrentTime(T0).andGivenCommands()
               .when(as(HEAD, raise(Area.SEND, false)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(raised());
    }

    @Test
    void aRequestInAnAreaNoTeamCoversGoesToTheExecutiveWhenTheRaiserSaysSo() {
        fixture.givenCurrentTime(T0).andGivenCommands()
               .when(as(HEAD, raise(Area.FINANCE, true)))
               .expectEvents(raisedToExecutive());
    }

    @Test
    void aRequestInAnAreaNobodyCoversWithoutARouteIsRefused() {
        refused(fixture.givenNoPriorActivity().when(as(HEAD, raise(Area.FINANCE, false))),
                DomainException.Kind.BAD_REQUEST,
                "no team's remit covers FINANCE: raise it with routeToExecutive to send it to the trust executive");
    }

    @Test
    void anExecutiveCannotRaiseARequest() {
        refused(fixture.givenNoPriorActivity().when(as(EXEC, raise(Area.SEND, false))),
                DomainException.Kind.FORBIDDEN,
                "only a headteacher or a member of staff of a school may raise a request");
    }

    @Test
    void someoneOutsideTheTrustIsToldTheTrustIsUnknown() {
        refused(fixture.givenNoPriorActivity().when(as(OUTSIDER, raise(Area.SEND, false))),
                DomainException.Kind.NOT_FOUND, "unknown trust 'trust-1'");
    }

    @Test
    void aRequestNeedsAReason() {
        refused(fixture.givenNoPriorActivity().when(as(HEAD, new RaiseRequestCommand(REQUEST, TRUST, Area.SEND,
                "A title", " ", false))), DomainException.Kind.BAD_REQUEST, "reason must not be blank");
    }

    @Test
    void someoneFromAnotherSchoolSupportsWithAReason() {
        fixture.givenCurrentTime(T0).andGiven(raised())
               .when(as(STAFF2, new SupportRequestCommand(REQUEST, "We need it too.")))
               .expectEvents(new RequestSupportedEvent(REQUEST, TRUST, "school-2", "We need it too.", STAFF2, T0));
    }

    @Test
    void theRaiserCannotSupportTheirOwnRequest() {
        refused(fixture.given(raised()).when(as(HEAD, new SupportRequestCommand(REQUEST, "Please"))),
                DomainException.Kind.BAD_REQUEST, "the raiser of a request cannot support their own request");
    }

    @Test
    void nobodySupportsARequestTwice() {
        refused(fixture.given(raised(), new RequestSupportedEvent(REQUEST, TRUST, "school-2", "Yes", STAFF2, T0))
                        .when(as(STAFF2, new SupportRequestCommand(REQUEST, "Yes again"))),
                DomainException.Kind.BAD_REQUEST,
                "you already support this request: support is given once per person");
    }

    @Test
    void supportComesFromOtherSchools() {
        refused(fixture.given(raised()).when(as(COLLEAGUE, new SupportRequestCommand(REQUEST, "Yes"))),
                DomainException.Kind.BAD_REQUEST,
                "support comes from other schools: the request was raised by yours");
    }

    @Test
    void supportNeedsAReason() {
        refused(fixture.given(raised()).when(as(STAFF2, new SupportRequestCommand(REQUEST, ""))),
                DomainException.Kind.BAD_REQUEST, "reason must not be blank");
    }

    @Test
    void aMemberOfTheRoutedTeamTakesItUpIntoADraftProposalLinkedToIt() {
        ProposalContent drafted = new ProposalContent("SEND adaptive teaching", Area.SEND, AlignmentLevel.ADAPTABLE,
                CONTENT.statement(), CONTENT.rationale(), CONTENT.effectiveFrom(), CONTENT.reviewBy());
        fixture.givenCurrentTime(T0).andGiven(raised())
               .when(as(SENDCO, new TakeUpRequestCommand(REQUEST, PROPOSAL, SENDCOS, CONTENT)))
               .expectEvents(new ProposalDraftedEvent(PROPOSAL, TRUST, SENDCOS, ProposalKind.NEW_STANDARD, null,
                               null, drafted, SENDCO, T0),
                       new RequestTakenUpEvent(REQUEST, TRUST, SENDCOS, PROPOSAL, SENDCO, T0));
    }

    @Test
    void aTakeUpWhoseDraftBreaksTheDraftingRulesRecordsNothing() {
        ProposalContent noStatement = new ProposalContent(null, null, AlignmentLevel.ADAPTABLE, " ", "r",
                CONTENT.effectiveFrom(), CONTENT.reviewBy());
        fixture.given(raised())
               .when(as(SENDCO, new TakeUpRequestCommand(REQUEST, PROPOSAL, SENDCOS, noStatement)))
               .expectException(DomainException.class).expectNoEvents();
    }

    @Test
    void aTeamTheRequestWasNotRoutedToCannotTakeItUp() {
        refused(fixture.given(raised())
                        .when(as(ENGLISH, new TakeUpRequestCommand(REQUEST, PROPOSAL, OTHER_TEAM, CONTENT))),
                DomainException.Kind.BAD_REQUEST, "the request was not routed to team 'team-english'");
    }

    @Test
    void onlyAMemberOfTheRoutedTeamTakesItUp() {
        refused(fixture.given(raised())
                        .when(as(STAFF2, new TakeUpRequestCommand(REQUEST, PROPOSAL, SENDCOS, CONTENT))),
                DomainException.Kind.FORBIDDEN, "only a member of a team the request was routed to may take it up");
    }

    @Test
    void anyTeamOfTheTrustMayTakeUpARequestRoutedToTheExecutive() {
        fixture.givenCurrentTime(T0).andGiven(raisedToExecutive())
               .when(as(ENGLISH, new TakeUpRequestCommand(REQUEST, PROPOSAL, OTHER_TEAM, CONTENT)))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRequestTakenUpCannotBeTakenUpAgain() {
        refused(fixture.given(raised(), new RequestTakenUpEvent(REQUEST, TRUST, SENDCOS, PROPOSAL, SENDCO, T0))
                        .when(as(SENDCO, new TakeUpRequestCommand(REQUEST, "proposal-2", SENDCOS, CONTENT))),
                DomainException.Kind.CONFLICT, "the request is TAKEN_UP: only an open request can be taken up");
    }

    @Test
    void aMemberOfTheRoutedTeamDeclinesItWithAReason() {
        fixture.givenCurrentTime(T0).andGiven(raised())
               .when(as(SENDCO, new DeclineRequestCommand(REQUEST, "Already covered by the SEND policy.")))
               .expectEvents(new RequestDeclinedEvent(REQUEST, TRUST, "Already covered by the SEND policy.",
                       SENDCO, T0));
    }

    @Test
    void aDeclineNeedsAReason() {
        refused(fixture.given(raised()).when(as(SENDCO, new DeclineRequestCommand(REQUEST, null))),
                DomainException.Kind.BAD_REQUEST, "reason must not be blank");
    }

    @Test
    void someoneOutsideTheRoutedTeamCannotDecline() {
        refused(fixture.given(raised()).when(as(EXEC, new DeclineRequestCommand(REQUEST, "No"))),
                DomainException.Kind.FORBIDDEN, "only a member of a team the request was routed to may decline it");
    }

    @Test
    void theExecutiveDeclinesARequestRoutedToIt() {
        fixture.givenCurrentTime(T0).andGiven(raisedToExecutive())
               .when(as(EXEC, new DeclineRequestCommand(REQUEST, "Not now")))
               .expectEvents(new RequestDeclinedEvent(REQUEST, TRUST, "Not now", EXEC, T0));
    }

    @Test
    void aDeclinedRequestCannotBeSupported() {
        refused(fixture.given(raised(), new RequestDeclinedEvent(REQUEST, TRUST, "No", SENDCO, T0))
                        .when(as(STAFF2, new SupportRequestCommand(REQUEST, "Yes"))),
                DomainException.Kind.CONFLICT, "the request is DECLINED: only an open request can be supported");
    }

    @Test
    void someoneOutsideTheTrustIsToldTheRequestIsUnknown() {
        refused(fixture.given(raised()).when(as(OUTSIDER, new SupportRequestCommand(REQUEST, "Yes"))),
                DomainException.Kind.NOT_FOUND, "unknown request 'request-1'");
    }
}
