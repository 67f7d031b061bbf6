package org.accord.app.standard;

import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.CONFLICT;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.app.standard.StandardReviewGiven.DUE;
import static org.accord.app.standard.StandardReviewGiven.EXEC;
import static org.accord.app.standard.StandardReviewGiven.EXEC2;
import static org.accord.app.standard.StandardReviewGiven.NEXT;
import static org.accord.app.standard.StandardReviewGiven.STANDARD;
import static org.accord.app.standard.StandardReviewGiven.TOWN_LEAD;
import static org.accord.app.standard.StandardReviewGiven.TRUST;
import static org.accord.app.standard.StandardReviewGiven.adopted;
import static org.accord.app.standard.StandardReviewGiven.expectRefusal;
import static org.accord.app.standard.StandardReviewGiven.ofTown;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.accord.api.review.NoticeReviewDueCommand;
import org.accord.api.review.StandardReaffirmedEvent;
import org.accord.api.review.StandardReviewFellDueEvent;
import org.accord.api.shared.Actor;
import org.accord.api.standard.StandardRetiredEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A standard's review falling due: recorded by Accord once per review date, telling whoever may reaffirm it. */
class StandardReviewDueTest {

    /** The first moment of the window: 30 days before the review date. */
    private static final Instant WINDOW_OPENS = Instant.parse("2026-01-02T00:00:00Z");

    private FixtureConfiguration<Standard> fixture;

    @BeforeEach
    void setUp() {
        fixture = StandardReviewGiven.fixture();
    }

    private ResultValidator<Standard> notice(Instant at, String actor, Object... given) {
        return fixture.givenCurrentTime(at).andGiven(given)
                .when(new NoticeReviewDueCommand(STANDARD), Map.of(Actor.METADATA_KEY, actor));
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
        notice(late, Actor.SYSTEM, adopted(DUE), ofTown())
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
