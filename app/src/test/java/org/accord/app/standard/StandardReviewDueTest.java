package org.accord.app.standard;

import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.CONFLICT;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.review.NoticeReviewDueCommand;
import org.accord.api.review.StandardReaffirmedEvent;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.api.rights.StandardVersionScopedToClusterEvent;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.trust.PersonRole;
import org.accord.app.trust.DecisionRights;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.accord.query.rights.DecisionRightsHistory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A standard's review falling due: recorded by Accord once per review date, telling whoever may reaffirm it. */
class StandardReviewDueTest {

    private static final String TRUST = "trust-1";
    private static final String STANDARD = "std-1";
    private static final String EXEC = "p-exec";
    private static final String EXEC2 = "p-exec2";
    private static final String HEAD = "p-head";
    private static final String TOWN_LEAD = "p-town-lead";
    private static final String TOWN = "cluster-town";

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            EXEC2, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-ash"),
            TOWN_LEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-birch")),
            Set.of("school-ash", "school-birch"));
    private static final DecisionRights RIGHTS = new DecisionRights(DecisionRightsHistory.none(), Map.of(
            TOWN, new DecisionRights.ClusterLead("Town primaries", TOWN_LEAD)));

    private static final LocalDate DUE = LocalDate.of(2026, 2, 1);
    /** The first moment of the window: 30 days before the review date. */
    private static final Instant WINDOW_OPENS = Instant.parse("2026-01-02T00:00:00Z");
    private static final LocalDate NEXT = LocalDate.of(2027, 2, 1);

    private FixtureConfiguration<Standard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Standard.class);
        fixture.registerInjectableResource(new TrustRosters() {
            @Override
            public Roster of(String trustId) {
                return ROSTER;
            }

            @Override
            public DecisionRights decisionRights(String trustId) {
                return RIGHTS;
            }
        });
    }

    private static StandardVersionAdoptedEvent adopted(LocalDate reviewBy) {
        return new StandardVersionAdoptedEvent(STANDARD, TRUST, 1, "Phones away in lessons", Area.BEHAVIOUR,
                AlignmentLevel.REQUIRED, "Pupils' phones stay away during lessons.", LocalDate.of(2025, 9, 1),
                reviewBy, "proposal-1", EXEC, Instant.parse("2025-07-01T12:00:00Z"));
    }

    private ResultValidator<Standard> notice(Instant at, String actor, Object... given) {
        return fixture.givenCurrentTime(at).andGiven(given)
                .when(new NoticeReviewDueCommand(STANDARD), Map.of(Actor.METADATA_KEY, actor));
    }

    private static void expectRefusal(ResultValidator<Standard> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
              .expectException(StandardTest.refusedAs(kind))
              .expectExceptionMessage(message)
              .expectNoEvents();
    }

    @Test
    void fromThirtyDaysBeforeItsReviewDateTheTrustsExecutivesAreTold() {
        notice(WINDOW_OPENS, Actor.SYSTEM, adopted(DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StandardReviewFellDueEvent(STANDARD, TRUST, 1, DUE, List.of(EXEC, EXEC2),
                        WINDOW_OPENS));
    }

    @Test
    void aClusterStandardsReviewTellsTheClustersLeadOnly() {
        Instant late = Instant.parse("2026-03-01T08:00:00Z");
        notice(late, Actor.SYSTEM, adopted(DUE),
                new StandardVersionScopedToClusterEvent(STANDARD, TRUST, 1, TOWN, TOWN_LEAD))
                .expectEvents(new StandardReviewFellDueEvent(STANDARD, TRUST, 1, DUE, List.of(TOWN_LEAD), late));
    }

    @Test
    void aReviewIsNotDueBeforeTheWindowOpens() {
        expectRefusal(notice(WINDOW_OPENS.minusSeconds(1), Actor.SYSTEM, adopted(DUE)), CONFLICT,
                "the review by 2026-02-01 is due from 2026-01-02, not before");
    }

    @Test
    void theSameReviewDateFallsDueOnlyOnce() {
        expectRefusal(notice(WINDOW_OPENS.plusSeconds(60), Actor.SYSTEM, adopted(DUE),
                        new StandardReviewFellDueEvent(STANDARD, TRUST, 1, DUE, List.of(EXEC), WINDOW_OPENS)),
                CONFLICT, "the review by 2026-02-01 is already recorded as due");
    }

    @Test
    void aReaffirmationsNextReviewDateFallsDueInItsTurn() {
        Instant nextWindow = Instant.parse("2027-01-10T00:00:00Z");
        notice(nextWindow, Actor.SYSTEM, adopted(DUE),
                new StandardReviewFellDueEvent(STANDARD, TRUST, 1, DUE, List.of(EXEC), WINDOW_OPENS),
                new StandardReaffirmedEvent(STANDARD, TRUST, 1, "Works.", DUE, NEXT, EXEC, WINDOW_OPENS))
                .expectEvents(new StandardReviewFellDueEvent(STANDARD, TRUST, 1, NEXT, List.of(EXEC, EXEC2),
                        nextWindow));
    }

    @Test
    void nobodyButAccordRecordsAReviewDue() {
        expectRefusal(notice(WINDOW_OPENS, EXEC, adopted(DUE)), FORBIDDEN,
                "a review falls due by the calendar: Accord records it, not on request");
    }

    @Test
    void aRetiredStandardHasNoReviewDue() {
        expectRefusal(notice(WINDOW_OPENS, Actor.SYSTEM, adopted(DUE), new StandardRetiredEvent(STANDARD, TRUST,
                        LocalDate.of(2025, 12, 1), "proposal-2", EXEC, Instant.parse("2025-11-01T00:00:00Z"))),
                BAD_REQUEST, "standard 'std-1' is retired: it has no review outcome");
    }

    @Test
    void aStandardWithoutAReviewDateHasNoReviewDue() {
        expectRefusal(notice(WINDOW_OPENS, Actor.SYSTEM, adopted(null)), BAD_REQUEST,
                "standard 'std-1' has no review date");
    }
}
