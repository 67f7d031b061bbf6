package org.accord.app.standard;

import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;
import static org.accord.app.standard.StandardReviewGiven.DUE;
import static org.accord.app.standard.StandardReviewGiven.EXEC;
import static org.accord.app.standard.StandardReviewGiven.HEAD;
import static org.accord.app.standard.StandardReviewGiven.NEXT;
import static org.accord.app.standard.StandardReviewGiven.OUTSIDER;
import static org.accord.app.standard.StandardReviewGiven.STANDARD;
import static org.accord.app.standard.StandardReviewGiven.TOWN_LEAD;
import static org.accord.app.standard.StandardReviewGiven.TRUST;
import static org.accord.app.standard.StandardReviewGiven.VALLEY_LEAD;
import static org.accord.app.standard.StandardReviewGiven.expectRefusal;
import static org.accord.app.standard.StandardReviewGiven.ofTown;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.accord.api.review.ReaffirmStandardCommand;
import org.accord.api.review.StandardReaffirmedEvent;
import org.accord.api.shared.Actor;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A standard reviewed: reaffirmed without change by whoever adopts for its scope, or a proposal raised from it. */
class StandardReviewTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final String RATIONALE = "Incidents fell; schools report it works as written.";

    private FixtureConfiguration<Standard> fixture;

    @BeforeEach
    void setUp() {
        fixture = StandardReviewGiven.fixture();
    }

    /** Version 1 with its review date ({@link StandardReviewGiven#DUE}) passed by {@link #NOW}: overdue. */
    private static StandardVersionAdoptedEvent adopted() {
        return StandardReviewGiven.adopted(DUE);
    }

    private static ReaffirmStandardCommand reaffirm(String rationale, LocalDate next) {
        return new ReaffirmStandardCommand(STANDARD, rationale, next);
    }

    private ResultValidator<Standard> when(String actor, ReaffirmStandardCommand command, Object... given) {
        return fixture.givenCurrentTime(NOW).andGiven(given).when(command, Map.of(Actor.METADATA_KEY, actor));
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
