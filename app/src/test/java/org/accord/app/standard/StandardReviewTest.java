package org.accord.app.standard;

import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.accord.api.review.ReaffirmStandardCommand;
import org.accord.api.review.StandardReaffirmedEvent;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A standard reviewed: reaffirmed without change by whoever adopts for its scope, or a proposal raised from it. */
class StandardReviewTest {

    private static final String TRUST = "trust-1";
    private static final String STANDARD = "std-1";
    private static final String EXEC = "p-exec";
    private static final String HEAD = "p-head";
    private static final String TOWN_LEAD = "p-town-lead";
    private static final String VALLEY_LEAD = "p-valley-lead";
    private static final String OUTSIDER = "p-outsider";
    private static final String TOWN = "cluster-town";

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-ash"),
            TOWN_LEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-birch"),
            VALLEY_LEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-cedar")),
            Set.of("school-ash", "school-birch", "school-cedar"));
    private static final DecisionRights RIGHTS = new DecisionRights(DecisionRightsHistory.none(), Map.of(
            TOWN, new DecisionRights.ClusterLead("Town primaries", TOWN_LEAD),
            "cluster-valley", new DecisionRights.ClusterLead("Valley schools", VALLEY_LEAD)));

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2025, 9, 1);
    /** The review date version 1 was adopted with: passed by {@link #NOW}, so the review is overdue. */
    private static final LocalDate DUE = LocalDate.of(2026, 2, 1);
    private static final LocalDate NEXT = LocalDate.of(2027, 2, 1);
    private static final String RATIONALE = "Incidents fell; schools report it works as written.";

    private FixtureConfiguration<Standard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Standard.class);
        fixture.registerInjectableResource(new TrustRosters() {
            @Override
            public Roster of(String trustId) {
                if (!TRUST.equals(trustId)) {
                    throw Roster.unknownTrust(trustId);
                }
                return ROSTER;
            }

            @Override
            public DecisionRights decisionRights(String trustId) {
                return RIGHTS;
            }
        });
    }

    private static StandardVersionAdoptedEvent adopted() {
        return new StandardVersionAdoptedEvent(STANDARD, TRUST, 1, "Phones away in lessons", Area.BEHAVIOUR,
                AlignmentLevel.REQUIRED, "Pupils' phones stay away during lessons.", FROM, DUE, "proposal-1", EXEC,
                Instant.parse("2025-07-01T12:00:00Z"));
    }

    private static StandardVersionScopedToClusterEvent ofTown() {
        return new StandardVersionScopedToClusterEvent(STANDARD, TRUST, 1, TOWN, TOWN_LEAD);
    }

    private static ReaffirmStandardCommand reaffirm(String rationale, LocalDate next) {
        return new ReaffirmStandardCommand(STANDARD, rationale, next);
    }

    private ResultValidator<Standard> when(String actor, ReaffirmStandardCommand command, Object... given) {
        return fixture.givenCurrentTime(NOW).andGiven(given).when(command, Map.of(Actor.METADATA_KEY, actor));
    }

    private static void expectRefusal(ResultValidator<Standard> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
              .expectException(StandardTest.refusedAs(kind))
              .expectExceptionMessage(message)
              .expectNoEvents();
    }

    @Test
    void theExecutiveReaffirmsAStandardOfTheWholeTrustWithTheDateItWasDueAndTheNextOne() {
        when(EXEC, reaffirm(RATIONALE, NEXT), adopted())
                .expectSuccessfulHandlerExecution()
                .expectEvents(new StandardReaffirmedEvent(STANDARD, TRUST, 1, RATIONALE, DUE, NEXT, EXEC, NOW));
    }

    @Test
    void aSecondReaffirmationAnswersTheDateTheFirstOneSet() {
        LocalDate later = NEXT.plusYears(1);
        when(EXEC, reaffirm(RATIONALE, later), adopted(),
                new StandardReaffirmedEvent(STANDARD, TRUST, 1, RATIONALE, DUE, NEXT, EXEC, NOW))
                .expectEvents(new StandardReaffirmedEvent(STANDARD, TRUST, 1, RATIONALE, NEXT, later, EXEC, NOW));
    }

    @Test
    void theClusterLeadReaffirmsTheirClusterStandard() {
        when(TOWN_LEAD, reaffirm(RATIONALE, NEXT), adopted(), ofTown())
                .expectEvents(new StandardReaffirmedEvent(STANDARD, TRUST, 1, RATIONALE, DUE, NEXT, TOWN_LEAD, NOW));
    }

    @Test
    void theExecutiveDoesNotReaffirmAClusterStandard() {
        expectRefusal(when(EXEC, reaffirm(RATIONALE, NEXT), adopted(), ofTown()), FORBIDDEN,
                "only the lead of cluster 'Town primaries' may reaffirm this standard for it");
    }

    @Test
    void anotherClustersLeadDoesNotReaffirmIt() {
        expectRefusal(when(VALLEY_LEAD, reaffirm(RATIONALE, NEXT), adopted(), ofTown()), FORBIDDEN,
                "only the lead of cluster 'Town primaries' may reaffirm this standard for it, not the lead of"
                        + " cluster 'Valley schools'");
    }

    @Test
    void aHeadteacherDoesNotReaffirmAStandardOfTheWholeTrust() {
        expectRefusal(when(HEAD, reaffirm(RATIONALE, NEXT), adopted()), FORBIDDEN,
                "only a trust executive may reaffirm this standard");
    }

    @Test
    void someoneOfAnotherTrustIsToldTheStandardIsUnknown() {
        expectRefusal(when(OUTSIDER, reaffirm(RATIONALE, NEXT), adopted()), NOT_FOUND,
                "unknown standard 'std-1'");
    }

    @Test
    void aRetiredStandardHasNoReviewOutcome() {
        expectRefusal(when(EXEC, reaffirm(RATIONALE, NEXT), adopted(),
                        new StandardRetiredEvent(STANDARD, TRUST, LocalDate.of(2026, 4, 1), "proposal-2", EXEC, NOW)),
                BAD_REQUEST, "standard 'std-1' is retired: it has no review outcome");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void aReaffirmationWithoutARationaleIsRefused(String rationale) {
        expectRefusal(when(EXEC, reaffirm(rationale, NEXT), adopted()), BAD_REQUEST, "rationale must not be blank");
    }

    @Test
    void aNextReviewDateInThePastIsRefused() {
        expectRefusal(when(EXEC, reaffirm(RATIONALE, LocalDate.of(2026, 3, 1)), adopted()), BAD_REQUEST,
                "nextReviewBy must be in the future, was 2026-03-01");
    }

    @Test
    void aNextReviewDateOfTodayIsRefused() {
        expectRefusal(when(EXEC, reaffirm(RATIONALE, LocalDate.of(2026, 3, 2)), adopted()), BAD_REQUEST,
                "nextReviewBy must be in the future, was 2026-03-02");
    }

    @Test
    void aReaffirmationWithoutANextReviewDateIsRefused() {
        expectRefusal(when(EXEC, reaffirm(RATIONALE, null), adopted()), BAD_REQUEST, "nextReviewBy is required");
    }

    @Test
    void aNextReviewDateBeforeTheVersionTakesEffectIsRefused() {
        StandardVersionAdoptedEvent later = new StandardVersionAdoptedEvent(STANDARD, TRUST, 1, "Phones away",
                Area.BEHAVIOUR, AlignmentLevel.REQUIRED, "Phones away.", LocalDate.of(2026, 9, 1), null, "proposal-1",
                EXEC, NOW);
        expectRefusal(when(EXEC, reaffirm(RATIONALE, LocalDate.of(2026, 6, 1)), later), BAD_REQUEST,
                "nextReviewBy 2026-06-01 must be after version 1 takes effect (2026-09-01)");
    }
}
