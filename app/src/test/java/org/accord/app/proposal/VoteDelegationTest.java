package org.accord.app.proposal;

import static org.accord.app.support.Refusals.refusedAs;
import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.CONFLICT;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.proposal.CloseVotingCommand;
import org.accord.api.proposal.DelegateVoteCommand;
import org.accord.api.proposal.OpenVotingCommand;
import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.RevokeVoteDelegationCommand;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VoteDelegatedEvent;
import org.accord.api.proposal.VoteDelegationRevokedEvent;
import org.accord.api.proposal.VoterRecusedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.trust.PersonRole;
import org.accord.app.standard.StandardLookup;
import org.accord.app.team.PeriodDelegation;
import org.accord.app.team.TeamRoster;
import org.accord.app.team.TeamRosters;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Delegated votes on a proposal: made on it, carried in from a team's period delegation, revoked, and counted. */
class VoteDelegationTest {

    private static final String TRUST = "trust-1";
    private static final String TEAM = "team-1";
    private static final String PROPOSAL = "proposal-1";
    private static final String CHAIR = "p-chair";
    private static final String P1 = "p-1";
    private static final String P2 = "p-2";
    private static final String P3 = "p-3";
    private static final String LATE = "p-late";
    private static final String STAFF = "p-staff";
    private static final String OUTSIDER = "p-outsider";
    private static final String D1 = "delegation-1";
    private static final String D2 = "delegation-2";
    private static final String PERIOD = "period-1";

    private static final List<String> MEMBERS = List.of(CHAIR, P1, P2, P3);
    private static final DecisionRule RULE = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168);
    private static final DecisionRule CONSENT = new DecisionRule(DecisionMode.CONSENT, 0.5, 0.5, 168);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            CHAIR, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            P1, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1"),
            P2, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            P3, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            LATE, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1"),
            STAFF, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2")),
            Set.of("school-1", "school-2"));

    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");
    private static final Instant OPENED_AT = T0.plus(Duration.ofHours(1));
    private static final LocalDate OPENING_DAY = LocalDate.of(2025, 3, 3);
    private static final Instant CLOSES_AT = OPENED_AT.plus(Duration.ofHours(168));
    private static final Instant NOW = OPENED_AT.plus(Duration.ofDays(1));
    private static final Instant CLOSED_AT = OPENED_AT.plus(Duration.ofDays(2));
    private static final ProposalContent CONTENT = new ProposalContent("Phones away in lessons", Area.BEHAVIOUR,
            AlignmentLevel.REQUIRED, "Pupils' phones stay in their bags during lessons.", null, null, null);

    private FixtureConfiguration<Proposal> fixture;
    private final List<PeriodDelegation> periods = new ArrayList<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource((TeamRosters) teamId -> {
            if (!TEAM.equals(teamId)) {
                throw DomainException.notFound("unknown team '" + teamId + "'");
            }
            List<String> members = new ArrayList<>(MEMBERS);
            members.add(LATE);
            return new TeamRoster(TEAM, TRUST, CHAIR, members, RULE, List.copyOf(periods));
        });
        fixture.registerInjectableResource((TrustRosters) trustId -> {
            if (!TRUST.equals(trustId)) {
                throw Roster.unknownTrust(trustId);
            }
            return ROSTER;
        });
        fixture.registerInjectableResource((StandardLookup) (trustId, standardId) -> Optional.empty());
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    private static ProposalDraftedEvent drafted() {
        return new ProposalDraftedEvent(PROPOSAL, TRUST, TEAM, ProposalKind.NEW_STANDARD, null, null, CONTENT, P1, T0);
    }

    private static VotingOpenedEvent opened(DecisionRule rule) {
        return new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, MEMBERS, rule, OPENED_AT, CLOSES_AT, CHAIR);
    }

    private static VoteDelegatedEvent delegated(String id, String delegator, String delegate) {
        return new VoteDelegatedEvent(PROPOSAL, TRUST, TEAM, id, delegator, delegate, null, NOW);
    }

    private static VoteDelegationRevokedEvent revoked(String id, String delegator) {
        return new VoteDelegationRevokedEvent(PROPOSAL, TRUST, TEAM, id, delegator, NOW);
    }

    private static VoteCastEvent voted(String voter, VoteChoice choice) {
        return new VoteCastEvent(PROPOSAL, TRUST, TEAM, voter, choice, choice == VoteChoice.OBJECT ? "No." : null,
                NOW);
    }

    private static VoterRecusedEvent recused(String voter) {
        return new VoterRecusedEvent(PROPOSAL, TRUST, TEAM, voter, "Married to the author.", NOW);
    }

    private static VotingClosedEvent closed(VotingOutcome outcome, Tally tally) {
        return new VotingClosedEvent(PROPOSAL, TRUST, TEAM, outcome, tally, CLOSED_AT, false, CHAIR);
    }

    private static DelegateVoteCommand delegate(String id, String delegateId) {
        return new DelegateVoteCommand(PROPOSAL, id, delegateId);
    }

    /** Drafted, voting open under the majority rule, then {@code given}; it is NOW; the command by {@code actor}. */
    private ResultValidator<Proposal> during(Object command, String actorId, Object... given) {
        return fixture.givenCurrentTime(NOW).andGiven(drafted(), opened(RULE)).andGiven(List.of(given))
                .when(command, as(actorId));
    }

    /** As during, closing by the chair at CLOSED_AT under {@code rule}. */
    private ResultValidator<Proposal> closing(DecisionRule rule, Object... given) {
        return fixture.givenCurrentTime(CLOSED_AT).andGiven(drafted(), opened(rule)).andGiven(List.of(given))
                .when(new CloseVotingCommand(PROPOSAL), as(CHAIR));
    }

    private static void expectRefusal(ResultValidator<Proposal> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
              .expectException(refusedAs(kind))
              .expectExceptionMessage(message)
              .expectNoEvents();
    }

    @Nested
    class DelegatingOnAProposal {

        @Test
        void anEligibleVoterDelegatesTheirVoteToAnother() {
            during(delegate(D1, P2), P1)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(D1)
                    .expectEvents(delegated(D1, P1, P2));
        }

        @Test
        void aDelegationToOneselfIsRefused() {
            expectRefusal(during(delegate(D1, P1), P1), BAD_REQUEST, "you cannot delegate your vote to yourself");
        }

        @ParameterizedTest
        @ValueSource(strings = {STAFF, LATE, OUTSIDER, "p-nobody"})
        void aDelegationToSomeoneWhoIsNotAnEligibleVoterIsRefused(String delegateId) {
            expectRefusal(during(delegate(D1, delegateId), P1), BAD_REQUEST, "delegate '" + delegateId
                    + "' is not an eligible voter on this proposal (a member of the team when voting opened)");
        }

        @Test
        void aMemberWhoJoinedAfterVotingOpenedHasNoVoteToDelegate() {
            expectRefusal(during(delegate(D1, P2), LATE), FORBIDDEN,
                    "only the 4 members of the team when voting opened may vote on this proposal or recuse from it");
        }

        @Test
        void aPersonOfTheTrustWhoIsNotOnTheTeamMayNotDelegate() {
            expectRefusal(during(delegate(D1, P2), STAFF), FORBIDDEN,
                    "only the 4 members of the team when voting opened may vote on this proposal or recuse from it");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheProposalIsUnknown() {
            expectRefusal(during(delegate(D1, P2), OUTSIDER), NOT_FOUND, "unknown proposal '" + PROPOSAL + "'");
        }

        @Test
        void aDelegationToSomeoneWhoDelegatedTheirOwnVoteIsRefusedAsAChain() {
            expectRefusal(during(delegate(D2, P2), P1, delegated(D1, P2, P3)), BAD_REQUEST,
                    "a delegation chain: '" + P2 + "' has delegated their own vote on this proposal, and a delegated"
                            + " vote cannot be passed on");
        }

        @Test
        void passingOnAVoteDelegatedToYouIsRefusedAsAChain() {
            expectRefusal(during(delegate(D2, P3), P2, delegated(D1, P1, P2)), BAD_REQUEST,
                    "a delegation chain: '" + P1 + "' has delegated their vote on this proposal to you, and a"
                            + " delegated vote cannot be passed on");
        }

        @Test
        void aSecondDelegationIsRefusedUntilTheFirstIsRevoked() {
            expectRefusal(during(delegate(D2, P3), P1, delegated(D1, P1, P2)), BAD_REQUEST,
                    "you have already delegated your vote on this proposal to '" + P2
                            + "': revoke that delegation first");
        }

        @Test
        void afterARevocationTheVoterMayDelegateToAnother() {
            during(delegate(D2, P3), P1, delegated(D1, P1, P2), revoked(D1, P1))
                    .expectEvents(new VoteDelegatedEvent(PROPOSAL, TRUST, TEAM, D2, P1, P3, null, NOW));
        }

        @Test
        void twoVotersMayDelegateToTheSameDelegate() {
            during(delegate(D2, P2), P3, delegated(D1, P1, P2))
                    .expectEvents(new VoteDelegatedEvent(PROPOSAL, TRUST, TEAM, D2, P3, P2, null, NOW));
        }

        @Test
        void aVoterWhoHasVotedHasNothingToDelegate() {
            expectRefusal(during(delegate(D1, P2), P1, voted(P1, VoteChoice.APPROVE)), BAD_REQUEST,
                    "you have voted on this proposal yourself, and your own vote stands over any delegation");
        }

        @Test
        void aRecusedVoterHasNoVoteToDelegate() {
            expectRefusal(during(delegate(D1, P2), P1, recused(P1)), BAD_REQUEST,
                    "you recused yourself from this proposal and have no vote to delegate");
        }

        @Test
        void aDelegationToARecusedVoterIsRefused() {
            expectRefusal(during(delegate(D1, P2), P1, recused(P2)), BAD_REQUEST,
                    "delegate '" + P2 + "' has recused from this proposal and casts no vote on it");
        }

        @Test
        void aDelegateWhoHasAlreadyVotedMayBeChosen() {
            during(delegate(D1, P2), P1, voted(P2, VoteChoice.APPROVE)).expectEvents(delegated(D1, P1, P2));
        }

        @Test
        void aDelegationWithoutADelegateIsRefused() {
            expectRefusal(during(delegate(D1, null), P1), BAD_REQUEST, "delegateId is required");
        }

        @Test
        void aDelegationOnADraftIsRefused() {
            expectRefusal(fixture.givenCurrentTime(NOW).andGiven(drafted()).when(delegate(D1, P2), as(P1)),
                    BAD_REQUEST, "voting has not opened on this proposal: cannot delegate a vote yet");
        }

        @Test
        void aDelegationAtTheDeadlineConflicts() {
            expectRefusal(fixture.givenCurrentTime(CLOSES_AT).andGiven(drafted(), opened(RULE))
                    .when(delegate(D1, P2), as(P1)), CONFLICT, "voting closed at " + CLOSES_AT);
        }

        @Test
        void aDelegationAfterTheCloseConflicts() {
            expectRefusal(during(delegate(D1, P2), P1, closed(VotingOutcome.LAPSED, new Tally(0, 0, 0, 0, 4))),
                    CONFLICT, "voting is over: the proposal is LAPSED");
        }
    }

    @Nested
    class Revoking {

        @Test
        void theDelegatorRevokesUntilVotingCloses() {
            during(new RevokeVoteDelegationCommand(PROPOSAL), P1, delegated(D1, P1, P2))
                    .expectResultMessagePayload(D1)
                    .expectEvents(revoked(D1, P1));
        }

        @Test
        void aDelegationCarriedInFromAPeriodIsRevokedOnTheProposal() {
            during(new RevokeVoteDelegationCommand(PROPOSAL), P1,
                    new VoteDelegatedEvent(PROPOSAL, TRUST, TEAM, PERIOD + ":" + PROPOSAL, P1, P2, PERIOD, OPENED_AT))
                    .expectEvents(revoked(PERIOD + ":" + PROPOSAL, P1));
        }

        @Test
        void aVoterWithoutADelegationHasNothingToRevoke() {
            expectRefusal(during(new RevokeVoteDelegationCommand(PROPOSAL), P2, delegated(D1, P1, P2)), BAD_REQUEST,
                    "you have not delegated your vote on this proposal");
        }

        @Test
        void aRevokedDelegationCannotBeRevokedAgain() {
            expectRefusal(during(new RevokeVoteDelegationCommand(PROPOSAL), P1, delegated(D1, P1, P2),
                    revoked(D1, P1)), BAD_REQUEST, "you have not delegated your vote on this proposal");
        }

        @Test
        void aRevocationAfterTheCloseConflicts() {
            expectRefusal(during(new RevokeVoteDelegationCommand(PROPOSAL), P1, delegated(D1, P1, P2),
                    closed(VotingOutcome.LAPSED, new Tally(0, 0, 0, 0, 4))), CONFLICT,
                    "voting is over: the proposal is LAPSED");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheProposalIsUnknown() {
            expectRefusal(during(new RevokeVoteDelegationCommand(PROPOSAL), OUTSIDER, delegated(D1, P1, P2)),
                    NOT_FOUND, "unknown proposal '" + PROPOSAL + "'");
        }
    }

    @Nested
    class CarriedInFromAPeriod {

        private ResultValidator<Proposal> opening() {
            return fixture.givenCurrentTime(OPENED_AT).andGiven(drafted())
                    .when(new OpenVotingCommand(PROPOSAL, null), as(CHAIR));
        }

        private VotingOpenedEvent openedNow() {
            return new VotingOpenedEvent(PROPOSAL, TRUST, TEAM, List.of(CHAIR, P1, P2, P3, LATE), RULE, OPENED_AT,
                    CLOSES_AT, CHAIR);
        }

        private VoteDelegatedEvent carried(String delegator, String delegate) {
            return new VoteDelegatedEvent(PROPOSAL, TRUST, TEAM, PERIOD + ":" + PROPOSAL, delegator, delegate,
                    PERIOD, OPENED_AT);
        }

        @Test
        void aPeriodDelegationCoveringTheOpeningDayIsCarriedIn() {
            periods.add(new PeriodDelegation(PERIOD, P1, P2, OPENING_DAY, OPENING_DAY.plusDays(7)));
            opening().expectEvents(openedNow(), carried(P1, P2));
        }

        @Test
        void aPeriodDelegationEndingOnTheOpeningDayIsCarriedIn() {
            periods.add(new PeriodDelegation(PERIOD, P1, P2, OPENING_DAY.minusDays(7), OPENING_DAY));
            opening().expectEvents(openedNow(), carried(P1, P2));
        }

        @Test
        void aPeriodDelegationStartingAfterTheOpeningDayIsNotCarriedIn() {
            periods.add(new PeriodDelegation(PERIOD, P1, P2, OPENING_DAY.plusDays(1), OPENING_DAY.plusDays(7)));
            opening().expectEvents(openedNow());
        }

        @Test
        void aPeriodDelegationThatEndedBeforeTheOpeningDayIsNotCarriedIn() {
            periods.add(new PeriodDelegation(PERIOD, P1, P2, OPENING_DAY.minusDays(7), OPENING_DAY.minusDays(1)));
            opening().expectEvents(openedNow());
        }
    }

    @Nested
    class Counting {

        @Test
        void quorumReachedOnlyThroughADelegationRatifies() {
            closing(RULE, delegated(D1, P1, P2), voted(P2, VoteChoice.APPROVE))
                    .expectEvents(closed(VotingOutcome.RATIFIED, new Tally(2, 0, 0, 0, 4, 1)));
        }

        @Test
        void withoutTheDelegationTheSameVoteLapses() {
            closing(RULE, voted(P2, VoteChoice.APPROVE))
                    .expectEvents(closed(VotingOutcome.LAPSED, new Tally(1, 0, 0, 0, 4)));
        }

        @Test
        void aRevokedDelegationIsNotCounted() {
            closing(RULE, delegated(D1, P1, P2), voted(P2, VoteChoice.APPROVE), revoked(D1, P1))
                    .expectEvents(closed(VotingOutcome.LAPSED, new Tally(1, 0, 0, 0, 4)));
        }

        @Test
        void aDelegatorWhoVotesOverridesTheDelegation() {
            closing(RULE, delegated(D1, P1, P2), voted(P2, VoteChoice.APPROVE), voted(P1, VoteChoice.OBJECT))
                    .expectEvents(closed(VotingOutcome.REJECTED, new Tally(1, 1, 0, 0, 4, 0)));
        }

        @Test
        void aDelegatedObjectionBlocksInConsentMode() {
            closing(CONSENT, delegated(D1, P1, P3), voted(P3, VoteChoice.OBJECT), voted(P2, VoteChoice.APPROVE),
                    voted(CHAIR, VoteChoice.APPROVE))
                    .expectEvents(closed(VotingOutcome.REJECTED, new Tally(2, 2, 0, 0, 4, 1)));
        }

        @Test
        void aDelegatedVoteMakingATieDoesNotCarry() {
            closing(RULE, delegated(D1, P1, P2), voted(P2, VoteChoice.APPROVE), voted(P3, VoteChoice.OBJECT),
                    voted(CHAIR, VoteChoice.OBJECT))
                    .expectEvents(closed(VotingOutcome.REJECTED, new Tally(2, 2, 0, 0, 4, 1)));
        }

        @Test
        void aDelegateWhoRecusesCastsNothingForTheDelegator() {
            closing(RULE, delegated(D1, P1, P2), voted(P2, VoteChoice.APPROVE), recused(P2),
                    voted(P3, VoteChoice.APPROVE))
                    .expectEvents(closed(VotingOutcome.LAPSED, new Tally(1, 0, 0, 1, 4, 0)));
        }

        @Test
        void aDelegatorWhoRecusesIsNotCounted() {
            closing(RULE, delegated(D1, P1, P2), recused(P1), voted(P2, VoteChoice.APPROVE),
                    voted(P3, VoteChoice.APPROVE))
                    .expectEvents(closed(VotingOutcome.RATIFIED, new Tally(2, 0, 0, 1, 4, 0)));
        }

        @Test
        void aDelegatedVoteFollowsTheDelegatesChangedVote() {
            closing(RULE, delegated(D1, P1, P2), voted(P2, VoteChoice.APPROVE), voted(P2, VoteChoice.OBJECT))
                    .expectEvents(closed(VotingOutcome.REJECTED, new Tally(0, 2, 0, 0, 4, 1)));
        }
    }
}
