package org.accord.app.team;

import static org.accord.app.support.Refusals.refusedAs;
import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.CONFLICT;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.DelegateVotesForPeriodCommand;
import org.accord.api.team.PeriodDelegationRevokedEvent;
import org.accord.api.team.RevokePeriodDelegationCommand;
import org.accord.api.team.TeamFormedEvent;
import org.accord.api.team.TeamMemberAddedEvent;
import org.accord.api.team.TeamMemberRemovedEvent;
import org.accord.api.team.VotesDelegatedForPeriodEvent;
import org.accord.api.trust.PersonRole;
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

/** A member's votes delegated for a period, on the team: every rule and refusal. */
class PeriodDelegationTest {

    private static final String TRUST = "trust-1";
    private static final String TEAM = "team-1";
    private static final String CHAIR = "p-chair";
    private static final String P1 = "p-1";
    private static final String P2 = "p-2";
    private static final String P3 = "p-3";
    private static final String STAFF = "p-staff";
    private static final String EXEC = "p-exec";
    private static final String OUTSIDER = "p-outsider";
    private static final String D1 = "delegation-1";
    private static final String D2 = "delegation-2";

    private static final DecisionRule RULE = new DecisionRule(DecisionMode.MAJORITY, 0.5, 0.5, 168);
    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            CHAIR, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            P1, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1"),
            P2, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            P3, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            STAFF, new Roster.Membership(Set.of(PersonRole.STAFF), "school-2"),
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null)),
            Set.of("school-1", "school-2"));

    private static final Instant NOW = Instant.parse("2025-03-03T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 3);
    private static final LocalDate FROM = LocalDate.of(2025, 3, 10);
    private static final LocalDate TO = LocalDate.of(2025, 3, 21);

    private FixtureConfiguration<Team> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Team.class);
        fixture.registerInjectableResource((TrustRosters) trustId -> {
            if (!TRUST.equals(trustId)) {
                throw Roster.unknownTrust(trustId);
            }
            return ROSTER;
        });
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    private static TeamFormedEvent formed() {
        return new TeamFormedEvent(TEAM, TRUST, "Heads of English", List.of(Area.CURRICULUM), CHAIR,
                List.of(CHAIR, P1, P2, P3), RULE, EXEC);
    }

    private static DelegateVotesForPeriodCommand delegate(String id, String delegateId, LocalDate from,
                                                          LocalDate to) {
        return new DelegateVotesForPeriodCommand(TEAM, id, delegateId, from, to);
    }

    private static VotesDelegatedForPeriodEvent delegated(String id, String delegator, String delegate,
                                                          LocalDate from, LocalDate to) {
        return new VotesDelegatedForPeriodEvent(TEAM, TRUST, id, delegator, delegate, from, to, NOW);
    }

    private ResultValidator<Team> when(Object command, String actorId, Object... given) {
        return fixture.givenCurrentTime(NOW).andGiven(formed()).andGiven(List.of(given)).when(command, as(actorId));
    }

    private static void expectRefusal(ResultValidator<Team> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
              .expectException(refusedAs(kind))
              .expectExceptionMessage(message)
              .expectNoEvents();
    }

    @Nested
    class Delegating {

        @Test
        void aMemberDelegatesTheirVotesForAPeriodToAnotherMember() {
            when(delegate(D1, P2, FROM, TO), P1)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(D1)
                    .expectEvents(delegated(D1, P1, P2, FROM, TO));
        }

        @Test
        void aPeriodWithoutAStartBeginsToday() {
            when(delegate(D1, P2, null, TO), P1).expectEvents(delegated(D1, P1, P2, TODAY, TO));
        }

        @Test
        void aOneDayPeriodIsAccepted() {
            when(delegate(D1, P2, TODAY, TODAY), P1).expectEvents(delegated(D1, P1, P2, TODAY, TODAY));
        }

        @Test
        void aDelegationToOneselfIsRefused() {
            expectRefusal(when(delegate(D1, P1, FROM, TO), P1), BAD_REQUEST,
                    "you cannot delegate your vote to yourself");
        }

        @ParameterizedTest
        @ValueSource(strings = {STAFF, EXEC, "p-nobody"})
        void aDelegationToSomeoneWhoIsNotAMemberIsRefused(String delegateId) {
            expectRefusal(when(delegate(D1, delegateId, FROM, TO), P1), BAD_REQUEST,
                    "delegate '" + delegateId + "' is not a member of this team");
        }

        @Test
        void aDelegationToAMemberWhoLeftIsRefused() {
            expectRefusal(when(delegate(D1, P2, FROM, TO), P1, new TeamMemberRemovedEvent(TEAM, TRUST, P2, EXEC)),
                    BAD_REQUEST, "delegate '" + P2 + "' is not a member of this team");
        }

        @Test
        void datesInTheWrongOrderAreRefused() {
            expectRefusal(when(delegate(D1, P2, TO, FROM), P1), BAD_REQUEST,
                    "to (" + FROM + ") must not be before from (" + TO + ")");
        }

        @Test
        void aPeriodThatHasEndedIsRefused() {
            expectRefusal(when(delegate(D1, P2, TODAY.minusDays(9), TODAY.minusDays(1)), P1), BAD_REQUEST,
                    "to (" + TODAY.minusDays(1) + ") is in the past");
        }

        @Test
        void aPeriodWithoutAnEndIsRefused() {
            expectRefusal(when(delegate(D1, P2, FROM, null), P1), BAD_REQUEST, "to is required");
        }

        @Test
        void aPeriodLongerThanAYearIsRefused() {
            expectRefusal(when(delegate(D1, P2, FROM, FROM.plusDays(367)), P1), BAD_REQUEST,
                    "a period delegation lasts at most 366 days, from " + FROM + " to " + FROM.plusDays(367)
                            + " is longer");
        }

        @Test
        void aPeriodOverlappingOneOfTheCallersOwnIsRefused() {
            expectRefusal(when(delegate(D2, P3, TO, TO.plusDays(5)), P1, delegated(D1, P1, P2, FROM, TO)),
                    BAD_REQUEST, "you have already delegated your votes from " + FROM + " to " + TO
                            + " (delegation '" + D1 + "'): revoke it first");
        }

        @Test
        void aPeriodAfterOneOfTheCallersOwnIsAccepted() {
            when(delegate(D2, P3, TO.plusDays(1), TO.plusDays(5)), P1, delegated(D1, P1, P2, FROM, TO))
                    .expectEvents(delegated(D2, P1, P3, TO.plusDays(1), TO.plusDays(5)));
        }

        @Test
        void aDelegationToSomeoneWhoDelegatedTheirOwnVotesIsRefusedAsAChain() {
            expectRefusal(when(delegate(D2, P2, FROM, TO), P1, delegated(D1, P2, P3, TO, TO)), BAD_REQUEST,
                    "a delegation chain: '" + P2 + "' has delegated their own votes from " + TO + " to " + TO
                            + ", and a delegated vote cannot be passed on");
        }

        @Test
        void passingOnVotesDelegatedToYouIsRefusedAsAChain() {
            expectRefusal(when(delegate(D2, P3, FROM, TO), P2, delegated(D1, P1, P2, FROM, TO)), BAD_REQUEST,
                    "a delegation chain: '" + P1 + "' has delegated their votes to you from " + FROM + " to " + TO
                            + ", and a delegated vote cannot be passed on");
        }

        @Test
        void delegatingToTheSameDelegateAsAnotherMemberIsAccepted() {
            when(delegate(D2, P2, FROM, TO), P3, delegated(D1, P1, P2, FROM, TO))
                    .expectEvents(delegated(D2, P3, P2, FROM, TO));
        }

        @Test
        void aChainAcrossPeriodsThatDoNotOverlapIsNoChain() {
            when(delegate(D2, P3, TO.plusDays(1), TO.plusDays(2)), P2, delegated(D1, P1, P2, FROM, TO))
                    .expectEvents(delegated(D2, P2, P3, TO.plusDays(1), TO.plusDays(2)));
        }

        @Test
        void aRevokedDelegationNoLongerMakesAChain() {
            when(delegate(D2, P3, FROM, TO), P2, delegated(D1, P1, P2, FROM, TO),
                    new PeriodDelegationRevokedEvent(TEAM, TRUST, D1, P1, NOW))
                    .expectEvents(delegated(D2, P2, P3, FROM, TO));
        }

        @Test
        void aPersonOfTheTrustWhoIsNotOnTheTeamMayNotDelegate() {
            expectRefusal(when(delegate(D1, P2, FROM, TO), STAFF), FORBIDDEN,
                    "only members of the team may delegate their votes");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheTeamIsUnknown() {
            expectRefusal(when(delegate(D1, P2, FROM, TO), OUTSIDER), NOT_FOUND, "unknown team '" + TEAM + "'");
        }
    }

    @Nested
    class Revoking {

        @Test
        void theDelegatorRevokesTheirPeriodDelegation() {
            when(new RevokePeriodDelegationCommand(TEAM, D1), P1, delegated(D1, P1, P2, FROM, TO))
                    .expectEvents(new PeriodDelegationRevokedEvent(TEAM, TRUST, D1, P1, NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {P2, CHAIR, EXEC})
        void onlyTheDelegatorMayRevoke(String actorId) {
            expectRefusal(when(new RevokePeriodDelegationCommand(TEAM, D1), actorId, delegated(D1, P1, P2, FROM, TO)),
                    FORBIDDEN, "only the member who delegated their votes may revoke the delegation");
        }

        @Test
        void aSecondRevocationConflicts() {
            expectRefusal(when(new RevokePeriodDelegationCommand(TEAM, D1), P1, delegated(D1, P1, P2, FROM, TO),
                    new PeriodDelegationRevokedEvent(TEAM, TRUST, D1, P1, NOW)), CONFLICT,
                    "delegation '" + D1 + "' was already revoked or has ended");
        }

        @Test
        void aDelegationEndedByTheDelegateLeavingCannotBeRevoked() {
            expectRefusal(when(new RevokePeriodDelegationCommand(TEAM, D1), P1, delegated(D1, P1, P2, FROM, TO),
                    new TeamMemberRemovedEvent(TEAM, TRUST, P2, EXEC)), CONFLICT,
                    "delegation '" + D1 + "' was already revoked or has ended");
        }

        @Test
        void anUnknownDelegationIsNotFound() {
            expectRefusal(when(new RevokePeriodDelegationCommand(TEAM, "nope"), P1), NOT_FOUND,
                    "unknown delegation 'nope' in this team");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheTeamIsUnknown() {
            expectRefusal(when(new RevokePeriodDelegationCommand(TEAM, D1), OUTSIDER,
                    delegated(D1, P1, P2, FROM, TO)), NOT_FOUND, "unknown team '" + TEAM + "'");
        }
    }

    @Nested
    class TheRoster {

        private Team team(Object... events) {
            Team team = new Team();
            for (Object event : events) {
                if (event instanceof TeamFormedEvent e) {
                    team.on(e);
                } else if (event instanceof TeamMemberAddedEvent e) {
                    team.on(e);
                } else if (event instanceof TeamMemberRemovedEvent e) {
                    team.on(e);
                } else if (event instanceof VotesDelegatedForPeriodEvent e) {
                    team.on(e);
                } else if (event instanceof PeriodDelegationRevokedEvent e) {
                    team.on(e);
                } else {
                    throw new IllegalArgumentException(String.valueOf(event));
                }
            }
            return team;
        }

        @Test
        void theRosterCarriesThePeriodDelegationsInForce() {
            TeamRoster roster = team(formed(), delegated(D1, P1, P2, FROM, TO)).roster();
            assertThat(roster.periodDelegations()).containsExactly(new PeriodDelegation(D1, P1, P2, FROM, TO));
            assertThat(roster.delegationsCovering(FROM)).hasSize(1);
            assertThat(roster.delegationsCovering(TO)).hasSize(1);
            assertThat(roster.delegationsCovering(FROM.minusDays(1))).isEmpty();
            assertThat(roster.delegationsCovering(TO.plusDays(1))).isEmpty();
        }

        @Test
        void aRevokedDelegationIsNoLongerInForce() {
            assertThat(team(formed(), delegated(D1, P1, P2, FROM, TO),
                    new PeriodDelegationRevokedEvent(TEAM, TRUST, D1, P1, NOW)).roster().periodDelegations()).isEmpty();
        }

        @Test
        void aDelegationEndedByALeaverStaysEndedWhenTheyRejoin() {
            assertThat(team(formed(), delegated(D1, P1, P2, FROM, TO),
                    new TeamMemberRemovedEvent(TEAM, TRUST, P2, EXEC), new TeamMemberAddedEvent(TEAM, TRUST, P2, EXEC))
                    .roster().periodDelegations()).isEmpty();
        }

        @Test
        void aDelegationEndsWhenTheDelegatorOrTheDelegateLeavesTheTeam() {
            assertThat(team(formed(), delegated(D1, P1, P2, FROM, TO),
                    new TeamMemberRemovedEvent(TEAM, TRUST, P2, EXEC)).roster().periodDelegations()).isEmpty();
            assertThat(team(formed(), delegated(D1, P1, P2, FROM, TO),
                    new TeamMemberRemovedEvent(TEAM, TRUST, P1, EXEC)).roster().periodDelegations()).isEmpty();
        }
    }
}
