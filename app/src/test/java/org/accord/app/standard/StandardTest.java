package org.accord.app.standard;

import static org.accord.app.support.Refusals.refusedAs;
import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.CONFLICT;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.variation.ApproveExceptionCommand;
import org.accord.api.variation.DeclineExceptionCommand;
import org.accord.api.variation.ExceptionApprovedEvent;
import org.accord.api.variation.ExceptionDeclinedEvent;
import org.accord.api.variation.ExceptionRequestedEvent;
import org.accord.api.variation.ExpireVariationCommand;
import org.accord.api.variation.ImplementationRecordedEvent;
import org.accord.api.variation.ReaffirmVariationCommand;
import org.accord.api.variation.RecordImplementationCommand;
import org.accord.api.variation.RequestExceptionCommand;
import org.accord.api.variation.RevokeVariationCommand;
import org.accord.api.variation.VariationExpiredEvent;
import org.accord.api.variation.VariationReaffirmedEvent;
import org.accord.api.variation.VariationRevokedEvent;
import org.accord.api.variation.VariationStatus;
import org.accord.api.variation.VariationWithdrawnEvent;
import org.accord.api.variation.WithdrawVariationCommand;
import org.accord.app.shared.Check;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StandardTest {

    private static final String TRUST = "trust-1";
    private static final String STANDARD = "std-1";
    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final String EXEC = "p-exec";
    private static final String BOARD = "p-board";
    private static final String HEAD_ASH = "p-head-ash";
    private static final String HEAD_BIRCH = "p-head-birch";
    private static final String STAFF_ASH = "p-staff-ash";
    private static final String OUTSIDER = "p-outsider";
    private static final String VARIATION = "var-1";
    private static final String SECOND_VARIATION = "var-2";

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            BOARD, new Roster.Membership(Set.of(PersonRole.BOARD_MEMBER), null),
            HEAD_ASH, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), ASH),
            HEAD_BIRCH, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), BIRCH),
            STAFF_ASH, new Roster.Membership(Set.of(PersonRole.STAFF), ASH)),
            Set.of(ASH, BIRCH));

    /** Version 1 was adopted, and takes effect some weeks later. */
    private static final Instant V1_ADOPTED_AT = Instant.parse("2025-07-01T12:00:00Z");
    private static final LocalDate V1_FROM = LocalDate.of(2025, 9, 1);
    /** The school's variation against version 1. */
    private static final Instant VARIED_AT = Instant.parse("2025-10-01T08:00:00Z");
    /** Version 2 was adopted, and takes effect after the new year. */
    private static final Instant V2_ADOPTED_AT = Instant.parse("2025-12-01T12:00:00Z");
    private static final LocalDate V2_FROM = LocalDate.of(2026, 1, 5);
    private static final LocalDate STANDARD_REVIEW_BY = LocalDate.of(2027, 9, 1);
    /** Now, as every command of a test sees it unless it says otherwise; dates are UTC. */
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final LocalDate RETIRED_ON = LocalDate.of(2026, 2, 1);

    private static final String DESCRIPTION = "Phones go into lockers at the gate.";
    private static final String JUSTIFICATION = "The school already has lockers for every pupil.";
    /** An implementation's review date. */
    private static final LocalDate REVIEW_BY = LocalDate.of(2027, 3, 1);
    /** An exception's expiry date. */
    private static final LocalDate EXPIRES_ON = LocalDate.of(2026, 7, 31);
    /** A variation's date that has passed by {@link #NOW}. */
    private static final LocalDate PASSED = LocalDate.of(2026, 2, 27);

    private FixtureConfiguration<Standard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Standard.class);
        fixture.registerInjectableResource(new KnownTrusts(ROSTER));
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    /** These events happened, and it is now {@link #NOW}. */
    private TestExecutor<Standard> given(Object... events) {
        return at(NOW, events);
    }

    /** These events happened, and it is now {@code now}. */
    private TestExecutor<Standard> at(Instant now, Object... events) {
        return fixture.givenCurrentTime(now).andGiven(events);
    }

    private static void expectRefusal(ResultValidator<Standard> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
              .expectException(refusedAs(kind))
              .expectExceptionMessage(message)
              .expectNoEvents();
    }

    private static Object[] concat(Object[] first, Object... more) {
        List<Object> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(more));
        return all.toArray();
    }

    // commands

    private static RecordImplementationCommand record(String variationId, String schoolId, Integer version,
                                                      String description, String justification,
                                                      LocalDate reviewBy) {
        return new RecordImplementationCommand(STANDARD, variationId, schoolId, version, description, justification,
                reviewBy);
    }

    /** Ash's implementation of version 1, to be reviewed by {@link #REVIEW_BY}. */
    private static RecordImplementationCommand recordForAsh() {
        return record(VARIATION, ASH, 1, DESCRIPTION, JUSTIFICATION, REVIEW_BY);
    }

    private static RequestExceptionCommand request(String variationId, String schoolId, Integer version,
                                                   String description, String justification,
                                                   LocalDate expiresOn) {
        return new RequestExceptionCommand(STANDARD, variationId, schoolId, version, description, justification,
                expiresOn);
    }

    /** Ash's exception from version 1, until {@link #EXPIRES_ON}. */
    private static RequestExceptionCommand requestForAsh() {
        return request(VARIATION, ASH, 1, DESCRIPTION, JUSTIFICATION, EXPIRES_ON);
    }

    private static ApproveExceptionCommand approve() {
        return new ApproveExceptionCommand(STANDARD, VARIATION, null);
    }

    private static DeclineExceptionCommand decline(String reason) {
        return new DeclineExceptionCommand(STANDARD, VARIATION, reason);
    }

    private static ReaffirmVariationCommand reaffirm(Integer version, LocalDate until) {
        return new ReaffirmVariationCommand(STANDARD, VARIATION, version, "Still the best way for us.", until);
    }

    private static WithdrawVariationCommand withdraw(String reason) {
        return new WithdrawVariationCommand(STANDARD, VARIATION, reason);
    }

    private static RevokeVariationCommand revoke(String reason) {
        return new RevokeVariationCommand(STANDARD, VARIATION, reason);
    }

    private static ExpireVariationCommand expire() {
        return new ExpireVariationCommand(STANDARD, VARIATION);
    }

    // events

    private static StandardVersionAdoptedEvent adopted(int version, AlignmentLevel alignment) {
        return new StandardVersionAdoptedEvent(STANDARD, TRUST, version, "Phones away in lessons", Area.BEHAVIOUR,
                alignment, "Pupils' phones stay away during lessons (version " + version + ").",
                version == 1 ? V1_FROM : V2_FROM, STANDARD_REVIEW_BY, "proposal-" + version, EXEC,
                version == 1 ? V1_ADOPTED_AT : V2_ADOPTED_AT);
    }

    private static StandardRetiredEvent retired() {
        return new StandardRetiredEvent(STANDARD, TRUST, RETIRED_ON, "proposal-retire", EXEC, RETIRED_ON.atStartOfDay()
                .toInstant(ZoneOffset.UTC));
    }

    private static ImplementationRecordedEvent recorded(int version, LocalDate reviewBy) {
        return new ImplementationRecordedEvent(VARIATION, STANDARD, TRUST, ASH, version, DESCRIPTION, JUSTIFICATION,
                reviewBy, HEAD_ASH, VARIED_AT);
    }

    private static ExceptionRequestedEvent requested(int version, LocalDate expiresOn) {
        return new ExceptionRequestedEvent(VARIATION, STANDARD, TRUST, ASH, version, DESCRIPTION, JUSTIFICATION,
                expiresOn, HEAD_ASH, VARIED_AT);
    }

    private static ExceptionApprovedEvent approved() {
        return new ExceptionApprovedEvent(VARIATION, STANDARD, TRUST, ASH, null, EXEC, VARIED_AT.plusSeconds(3600));
    }

    private static ExceptionDeclinedEvent declined() {
        return new ExceptionDeclinedEvent(VARIATION, STANDARD, TRUST, ASH, "Not convincing.", EXEC,
                VARIED_AT.plusSeconds(3600));
    }

    private static VariationReaffirmedEvent reaffirmed(int version, LocalDate until) {
        return new VariationReaffirmedEvent(VARIATION, STANDARD, TRUST, ASH, version, "Still the best way for us.",
                until, HEAD_ASH, V2_ADOPTED_AT.plusSeconds(86_400));
    }

    private static VariationWithdrawnEvent withdrawn() {
        return new VariationWithdrawnEvent(VARIATION, STANDARD, TRUST, ASH, "No longer needed.", HEAD_ASH,
                VARIED_AT.plusSeconds(7200));
    }

    private static VariationRevokedEvent revoked() {
        return new VariationRevokedEvent(VARIATION, STANDARD, TRUST, ASH, "Misused.", EXEC,
                VARIED_AT.plusSeconds(7200));
    }

    private static VariationExpiredEvent expired(LocalDate on, String reason) {
        return new VariationExpiredEvent(VARIATION, STANDARD, TRUST, ASH, on, reason,
                on.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    /** Ash's implementation of an ADAPTABLE version 1, now in the given status. */
    private static Object[] implementationThatIs(VariationStatus status) {
        return switch (status) {
            case RECORDED -> new Object[] {adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY)};
            case WITHDRAWN -> new Object[] {adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY),
                    withdrawn()};
            case REVOKED -> new Object[] {adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY), revoked()};
            case EXPIRED -> new Object[] {adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, PASSED),
                    expired(PASSED, "review date reached")};
            default -> throw new IllegalArgumentException("an implementation is never " + status);
        };
    }

    /** Ash's exception from a REQUIRED version 1, now in the given status. */
    private static Object[] exceptionThatIs(VariationStatus status) {
        Object v1 = adopted(1, AlignmentLevel.REQUIRED);
        return switch (status) {
            case REQUESTED -> new Object[] {v1, requested(1, EXPIRES_ON)};
            case APPROVED -> new Object[] {v1, requested(1, EXPIRES_ON), approved()};
            case DECLINED -> new Object[] {v1, requested(1, EXPIRES_ON), declined()};
            case WITHDRAWN -> new Object[] {v1, requested(1, EXPIRES_ON), withdrawn()};
            case REVOKED -> new Object[] {v1, requested(1, EXPIRES_ON), approved(), revoked()};
            case EXPIRED -> new Object[] {v1, requested(1, PASSED), approved(), expired(PASSED,
                    "expiry date reached")};
            default -> throw new IllegalArgumentException("an exception is never " + status);
        };
    }

    @Nested
    class RecordingAnImplementation {

        @Test
        void theHeadteacherRecordsHowTheirSchoolMeetsAnAdaptableStandard() {
            given(adopted(1, AlignmentLevel.ADAPTABLE))
                    .when(record(VARIATION, ASH, 1, "  " + DESCRIPTION + " ", "\t" + JUSTIFICATION + "\n",
                            REVIEW_BY), as(HEAD_ASH))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(VARIATION)
                    .expectEvents(new ImplementationRecordedEvent(VARIATION, STANDARD, TRUST, ASH, 1, DESCRIPTION,
                            JUSTIFICATION, REVIEW_BY, HEAD_ASH, NOW));
        }

        @Test
        void aReviewDateIsOptional() {
            given(adopted(1, AlignmentLevel.ADAPTABLE))
                    .when(record(VARIATION, ASH, 1, DESCRIPTION, JUSTIFICATION, null), as(HEAD_ASH))
                    .expectEvents(new ImplementationRecordedEvent(VARIATION, STANDARD, TRUST, ASH, 1, DESCRIPTION,
                            JUSTIFICATION, null, HEAD_ASH, NOW));
        }

        @Test
        void anImplementationOfARequiredStandardIsRefusedAndTheSchoolIsToldToRequestAnException() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED)).when(recordForAsh(), as(HEAD_ASH)),
                    BAD_REQUEST, "the standard is REQUIRED: a school may only request an exception from it");
        }

        @Test
        void anImplementationOfAnAmendmentThatMadeTheStandardRequiredIsRefused() {
            // the alignment of the current version decides, not that of version 1
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), adopted(2, AlignmentLevel.REQUIRED))
                            .when(record(VARIATION, ASH, 2, DESCRIPTION, JUSTIFICATION, REVIEW_BY), as(HEAD_ASH)),
                    BAD_REQUEST, "the standard is REQUIRED: a school may only request an exception from it");
        }

        @Test
        void anImplementationOfGuidanceIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.GUIDANCE)).when(recordForAsh(), as(HEAD_ASH)),
                    BAD_REQUEST, "a GUIDANCE standard needs no variation: schools are free");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void aBlankDescriptionIsRefused(String description) {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, ASH, 1, description, JUSTIFICATION, REVIEW_BY), as(HEAD_ASH)),
                    BAD_REQUEST, "description must not be blank");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\t\n"})
        void aBlankJustificationIsRefused(String justification) {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, ASH, 1, DESCRIPTION, justification, REVIEW_BY), as(HEAD_ASH)),
                    BAD_REQUEST, "justification must not be blank");
        }

        @Test
        void aJustificationLongerThanTheLimitIsRefused() {
            String tooLong = "x".repeat(Check.MAX_TEXT_LENGTH + 1);
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, ASH, 1, DESCRIPTION, tooLong, REVIEW_BY), as(HEAD_ASH)),
                    BAD_REQUEST, "justification must be at most 20000 characters");
        }

        @Test
        void aHeadteacherMayNotRecordForAnotherSchool() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, BIRCH, 1, DESCRIPTION, JUSTIFICATION, REVIEW_BY), as(HEAD_ASH)),
                    FORBIDDEN, "only the headteacher of that school may do this for it");
        }

        @ParameterizedTest
        @ValueSource(strings = {STAFF_ASH, EXEC, BOARD})
        void onlyTheHeadteacherOfTheSchoolMayRecord(String actorId) {
            // not a member of staff of the school, nor the trust's executive or board
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE)).when(recordForAsh(), as(actorId)),
                    FORBIDDEN, "only the headteacher of that school may do this for it");
        }

        @ParameterizedTest
        @ValueSource(strings = {OUTSIDER, Actor.SYSTEM})
        void someoneOutsideTheTrustIsToldTheStandardIsUnknown(String actorId) {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE)).when(recordForAsh(), as(actorId)),
                    NOT_FOUND, "unknown standard '" + STANDARD + "'");
        }

        @Test
        void aSchoolThatIsNotOfTheTrustIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, "school-oak", 1, DESCRIPTION, JUSTIFICATION, REVIEW_BY),
                                    as(HEAD_ASH)),
                    BAD_REQUEST, "schoolId 'school-oak' is not a school of this trust");
        }

        @Test
        void anImplementationWithoutASchoolIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, null, 1, DESCRIPTION, JUSTIFICATION, REVIEW_BY), as(HEAD_ASH)),
                    BAD_REQUEST, "schoolId is required");
        }

        @Test
        void anImplementationWithoutAVersionIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, ASH, null, DESCRIPTION, JUSTIFICATION, REVIEW_BY), as(HEAD_ASH)),
                    BAD_REQUEST, "version is required");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 2, 3})
        void aVersionThatDoesNotExistIsRefused(int version) {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, ASH, version, DESCRIPTION, JUSTIFICATION, REVIEW_BY),
                                    as(HEAD_ASH)),
                    BAD_REQUEST, "standard '" + STANDARD + "' has no version " + version + " (versions 1 to 1)");
        }

        @Test
        void anImplementationOfASupersededVersionConflictsAndNamesTheCurrentVersion() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), adopted(2, AlignmentLevel.ADAPTABLE))
                            .when(recordForAsh(), as(HEAD_ASH)),
                    CONFLICT, "standard '" + STANDARD + "' is at version 2: a variation is made against the current"
                            + " version, not 1");
        }

        @Test
        void anImplementationOfTheCurrentVersionAfterAnAmendmentIsRecorded() {
            given(adopted(1, AlignmentLevel.ADAPTABLE), adopted(2, AlignmentLevel.ADAPTABLE))
                    .when(record(VARIATION, ASH, 2, DESCRIPTION, JUSTIFICATION, REVIEW_BY), as(HEAD_ASH))
                    .expectEvents(new ImplementationRecordedEvent(VARIATION, STANDARD, TRUST, ASH, 2, DESCRIPTION,
                            JUSTIFICATION, REVIEW_BY, HEAD_ASH, NOW));
        }

        @Test
        void aSchoolWithAnOpenVariationCannotRecordASecondOne() {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED))
                            .when(record(SECOND_VARIATION, ASH, 1, "Another way.", JUSTIFICATION, REVIEW_BY),
                                    as(HEAD_ASH)),
                    CONFLICT, "the school already has variation '" + VARIATION + "' (RECORDED) against this"
                            + " standard: re-affirm or withdraw it");
        }

        @Test
        void anotherSchoolsOpenVariationDoesNotStandInTheWay() {
            given(implementationThatIs(VariationStatus.RECORDED))
                    .when(record(SECOND_VARIATION, BIRCH, 1, DESCRIPTION, JUSTIFICATION, REVIEW_BY), as(HEAD_BIRCH))
                    .expectEvents(new ImplementationRecordedEvent(SECOND_VARIATION, STANDARD, TRUST, BIRCH, 1,
                            DESCRIPTION, JUSTIFICATION, REVIEW_BY, HEAD_BIRCH, NOW));
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"WITHDRAWN", "REVOKED", "EXPIRED"})
        void aNewVariationMayBeRecordedOnceTheFirstHasEnded(VariationStatus status) {
            given(implementationThatIs(status))
                    .when(record(SECOND_VARIATION, ASH, 1, "Another way.", JUSTIFICATION, REVIEW_BY), as(HEAD_ASH))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(SECOND_VARIATION)
                    .expectEvents(new ImplementationRecordedEvent(SECOND_VARIATION, STANDARD, TRUST, ASH, 1,
                            "Another way.", JUSTIFICATION, REVIEW_BY, HEAD_ASH, NOW));
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 30})
        void aReviewDateThatIsNotInTheFutureIsRefused(int daysAgo) {
            LocalDate reviewBy = TODAY.minusDays(daysAgo);
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(VARIATION, ASH, 1, DESCRIPTION, JUSTIFICATION, reviewBy), as(HEAD_ASH)),
                    BAD_REQUEST, "reviewBy must be in the future, was " + reviewBy);
        }

        @Test
        void aReviewDateTomorrowIsAccepted() {
            given(adopted(1, AlignmentLevel.ADAPTABLE))
                    .when(record(VARIATION, ASH, 1, DESCRIPTION, JUSTIFICATION, TODAY.plusDays(1)), as(HEAD_ASH))
                    .expectEvents(new ImplementationRecordedEvent(VARIATION, STANDARD, TRUST, ASH, 1, DESCRIPTION,
                            JUSTIFICATION, TODAY.plusDays(1), HEAD_ASH, NOW));
        }

        @Test
        void aRetiredStandardTakesNoImplementation() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), retired()).when(recordForAsh(), as(HEAD_ASH)),
                    BAD_REQUEST, "standard '" + STANDARD + "' is retired: it takes no variations");
        }

        @Test
        void anImplementationWithoutAnIdIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE))
                            .when(record(null, ASH, 1, DESCRIPTION, JUSTIFICATION, REVIEW_BY), as(HEAD_ASH)),
                    BAD_REQUEST, "variationId is required");
        }
    }

    @Nested
    class RequestingAnException {

        @Test
        void theHeadteacherRequestsAnExceptionFromARequiredStandard() {
            given(adopted(1, AlignmentLevel.REQUIRED))
                    .when(request(VARIATION, ASH, 1, " " + DESCRIPTION, JUSTIFICATION + "  ", EXPIRES_ON),
                            as(HEAD_ASH))
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(VARIATION)
                    .expectEvents(new ExceptionRequestedEvent(VARIATION, STANDARD, TRUST, ASH, 1, DESCRIPTION,
                            JUSTIFICATION, EXPIRES_ON, HEAD_ASH, NOW));
        }

        @Test
        void anExceptionFromAnAdaptableStandardIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE)).when(requestForAsh(), as(HEAD_ASH)),
                    BAD_REQUEST, "the standard is ADAPTABLE: a school records how it implements it, no exception is"
                            + " needed");
        }

        @Test
        void anExceptionFromGuidanceIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.GUIDANCE)).when(requestForAsh(), as(HEAD_ASH)),
                    BAD_REQUEST, "a GUIDANCE standard needs no variation: schools are free");
        }

        @Test
        void anExceptionWithoutAnExpiryDateIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED))
                            .when(request(VARIATION, ASH, 1, DESCRIPTION, JUSTIFICATION, null), as(HEAD_ASH)),
                    BAD_REQUEST, "expiresOn is required");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 365})
        void anExpiryDateThatIsNotInTheFutureIsRefused(int daysAgo) {
            LocalDate expiresOn = TODAY.minusDays(daysAgo);
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED))
                            .when(request(VARIATION, ASH, 1, DESCRIPTION, JUSTIFICATION, expiresOn), as(HEAD_ASH)),
                    BAD_REQUEST, "expiresOn must be in the future, was " + expiresOn);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aBlankJustificationIsRefused(String justification) {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED))
                            .when(request(VARIATION, ASH, 1, DESCRIPTION, justification, EXPIRES_ON), as(HEAD_ASH)),
                    BAD_REQUEST, "justification must not be blank");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aBlankDescriptionIsRefused(String description) {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED))
                            .when(request(VARIATION, ASH, 1, description, JUSTIFICATION, EXPIRES_ON), as(HEAD_ASH)),
                    BAD_REQUEST, "description must not be blank");
        }

        @Test
        void aHeadteacherMayNotRequestForAnotherSchool() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED))
                            .when(request(VARIATION, BIRCH, 1, DESCRIPTION, JUSTIFICATION, EXPIRES_ON), as(HEAD_ASH)),
                    FORBIDDEN, "only the headteacher of that school may do this for it");
        }

        @Test
        void aMemberOfStaffMayNotRequest() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED)).when(requestForAsh(), as(STAFF_ASH)),
                    FORBIDDEN, "only the headteacher of that school may do this for it");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheStandardIsUnknown() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED)).when(requestForAsh(), as(OUTSIDER)),
                    NOT_FOUND, "unknown standard '" + STANDARD + "'");
        }

        @Test
        void aSchoolThatIsNotOfTheTrustIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED))
                            .when(request(VARIATION, "school-oak", 1, DESCRIPTION, JUSTIFICATION, EXPIRES_ON),
                                    as(HEAD_ASH)),
                    BAD_REQUEST, "schoolId 'school-oak' is not a school of this trust");
        }

        @Test
        void aVersionAfterTheCurrentOneIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED))
                            .when(request(VARIATION, ASH, 3, DESCRIPTION, JUSTIFICATION, EXPIRES_ON), as(HEAD_ASH)),
                    BAD_REQUEST, "standard '" + STANDARD + "' has no version 3 (versions 1 to 1)");
        }

        @Test
        void anExceptionFromASupersededVersionConflictsAndNamesTheCurrentVersion() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED), adopted(2, AlignmentLevel.REQUIRED))
                            .when(requestForAsh(), as(HEAD_ASH)),
                    CONFLICT, "standard '" + STANDARD + "' is at version 2: a variation is made against the current"
                            + " version, not 1");
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"REQUESTED", "APPROVED"})
        void aSchoolWithAnOpenExceptionCannotRequestASecondOne(VariationStatus status) {
            expectRefusal(given(exceptionThatIs(status))
                            .when(request(SECOND_VARIATION, ASH, 1, "Another.", JUSTIFICATION, EXPIRES_ON),
                                    as(HEAD_ASH)),
                    CONFLICT, "the school already has variation '" + VARIATION + "' (" + status + ") against this"
                            + " standard: re-affirm or withdraw it");
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"DECLINED", "WITHDRAWN", "REVOKED", "EXPIRED"})
        void aNewExceptionMayBeRequestedOnceTheFirstHasEnded(VariationStatus status) {
            given(exceptionThatIs(status))
                    .when(request(SECOND_VARIATION, ASH, 1, "Another.", JUSTIFICATION, EXPIRES_ON), as(HEAD_ASH))
                    .expectResultMessagePayload(SECOND_VARIATION)
                    .expectEvents(new ExceptionRequestedEvent(SECOND_VARIATION, STANDARD, TRUST, ASH, 1, "Another.",
                            JUSTIFICATION, EXPIRES_ON, HEAD_ASH, NOW));
        }

        @Test
        void aRetiredStandardTakesNoException() {
            expectRefusal(given(adopted(1, AlignmentLevel.REQUIRED), retired()).when(requestForAsh(), as(HEAD_ASH)),
                    BAD_REQUEST, "standard '" + STANDARD + "' is retired: it takes no variations");
        }
    }

    @Nested
    class Approving {

        @Test
        void theExecutiveApprovesARequestedException() {
            given(exceptionThatIs(VariationStatus.REQUESTED))
                    .when(new ApproveExceptionCommand(STANDARD, VARIATION, "  For this year only. "), as(EXEC))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ExceptionApprovedEvent(VARIATION, STANDARD, TRUST, ASH, "For this year only.",
                            EXEC, NOW));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void theNoteIsOptional(String note) {
            given(exceptionThatIs(VariationStatus.REQUESTED))
                    .when(new ApproveExceptionCommand(STANDARD, VARIATION, note), as(EXEC))
                    .expectEvents(new ExceptionApprovedEvent(VARIATION, STANDARD, TRUST, ASH, null, EXEC, NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {BOARD, HEAD_ASH, STAFF_ASH})
        void onlyATrustExecutiveMayApprove(String actorId) {
            expectRefusal(given(exceptionThatIs(VariationStatus.REQUESTED)).when(approve(), as(actorId)),
                    FORBIDDEN, "only a trust executive may approve an exception");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheStandardIsUnknown() {
            expectRefusal(given(exceptionThatIs(VariationStatus.REQUESTED)).when(approve(), as(OUTSIDER)),
                    NOT_FOUND, "unknown standard '" + STANDARD + "'");
        }

        @Test
        void anUnknownVariationIsNotFound() {
            expectRefusal(given(exceptionThatIs(VariationStatus.REQUESTED))
                            .when(new ApproveExceptionCommand(STANDARD, "var-9", null), as(EXEC)),
                    NOT_FOUND, "unknown variation 'var-9'");
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"APPROVED", "DECLINED", "WITHDRAWN", "REVOKED",
                "EXPIRED"})
        void onlyARequestedExceptionCanBeApproved(VariationStatus status) {
            expectRefusal(given(exceptionThatIs(status)).when(approve(), as(EXEC)),
                    CONFLICT, "the exception is " + status + ": only a requested one can be approved");
        }

        @Test
        void anImplementationIsNotAnException() {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED)).when(approve(), as(EXEC)),
                    BAD_REQUEST, "variation '" + VARIATION + "' is an implementation, not an exception");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 10})
        void anExceptionWhoseExpiryDateHasComeCannotBeApproved(int daysAfter) {
            // requested until EXPIRES_ON and never decided; Accord has not recorded the expiry yet
            LocalDate day = EXPIRES_ON.plusDays(daysAfter);
            expectRefusal(at(day.atTime(9, 0).toInstant(ZoneOffset.UTC),
                            exceptionThatIs(VariationStatus.REQUESTED)).when(approve(), as(EXEC)),
                    CONFLICT, "the exception expired on " + EXPIRES_ON + " before it was approved");
        }

        @Test
        void anExceptionMayBeApprovedOnTheDayBeforeItExpires() {
            Instant dayBefore = EXPIRES_ON.minusDays(1).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            at(dayBefore, exceptionThatIs(VariationStatus.REQUESTED))
                    .when(approve(), as(EXEC))
                    .expectEvents(new ExceptionApprovedEvent(VARIATION, STANDARD, TRUST, ASH, null, EXEC, dayBefore));
        }

        @Test
        void anExceptionRequestedAgainstASupersededVersionMustBeReaffirmedFirst() {
            expectRefusal(given(concat(exceptionThatIs(VariationStatus.REQUESTED),
                            adopted(2, AlignmentLevel.REQUIRED))).when(approve(), as(EXEC)),
                    CONFLICT, "the exception was requested against version 1; the standard is at version 2: the"
                            + " school must re-affirm it first");
        }
    }

    @Nested
    class Declining {

        @Test
        void theExecutiveDeclinesARequestedExceptionSayingWhy() {
            given(exceptionThatIs(VariationStatus.REQUESTED))
                    .when(decline("  Phones must stay away everywhere. "), as(EXEC))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ExceptionDeclinedEvent(VARIATION, STANDARD, TRUST, ASH,
                            "Phones must stay away everywhere.", EXEC, NOW));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  ", "\n"})
        void aDeclineWithoutAReasonIsRefused(String reason) {
            expectRefusal(given(exceptionThatIs(VariationStatus.REQUESTED)).when(decline(reason), as(EXEC)),
                    BAD_REQUEST, "reason must not be blank");
        }

        @ParameterizedTest
        @ValueSource(strings = {BOARD, HEAD_ASH})
        void onlyATrustExecutiveMayDecline(String actorId) {
            expectRefusal(given(exceptionThatIs(VariationStatus.REQUESTED)).when(decline("No."), as(actorId)),
                    FORBIDDEN, "only a trust executive may decline an exception");
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"APPROVED", "DECLINED", "WITHDRAWN"})
        void onlyARequestedExceptionCanBeDeclined(VariationStatus status) {
            expectRefusal(given(exceptionThatIs(status)).when(decline("No."), as(EXEC)),
                    CONFLICT, "the exception is " + status + ": only a requested one can be declined");
        }

        @Test
        void anImplementationCannotBeDeclined() {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED)).when(decline("No."), as(EXEC)),
                    BAD_REQUEST, "variation '" + VARIATION + "' is an implementation, not an exception");
        }
    }

    @Nested
    class Reaffirming {

        private final LocalDate newReviewBy = LocalDate.of(2027, 9, 1);

        @Test
        void theHeadteacherReaffirmsAnImplementationAgainstTheNewVersionWithANewDate() {
            given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY), adopted(2, AlignmentLevel.ADAPTABLE))
                    .when(new ReaffirmVariationCommand(STANDARD, VARIATION, 2, "  Still the best way for us. ",
                            newReviewBy), as(HEAD_ASH))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VariationReaffirmedEvent(VARIATION, STANDARD, TRUST, ASH, 2,
                            "Still the best way for us.", newReviewBy, HEAD_ASH, NOW));
        }

        @Test
        void withoutANewDateTheVariationKeepsItsDate() {
            given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY), adopted(2, AlignmentLevel.ADAPTABLE))
                    .when(reaffirm(2, null), as(HEAD_ASH))
                    .expectEvents(new VariationReaffirmedEvent(VARIATION, STANDARD, TRUST, ASH, 2,
                            "Still the best way for us.", REVIEW_BY, HEAD_ASH, NOW));
        }

        @Test
        void aReaffirmedImplementationStaysRecordedAndSoInForce() {
            // in force, so the executive may revoke it (a REQUESTED variation could not be revoked)
            given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY), adopted(2, AlignmentLevel.ADAPTABLE),
                    reaffirmed(2, REVIEW_BY))
                    .when(revoke("Misused."), as(EXEC))
                    .expectEvents(new VariationRevokedEvent(VARIATION, STANDARD, TRUST, ASH, "Misused.", EXEC, NOW));
        }

        @Test
        void aReaffirmedImplementationIsNotAwaitingApprovalAnyMore() {
            // still an implementation, still open: a second one for the school is refused naming it RECORDED
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY),
                            adopted(2, AlignmentLevel.ADAPTABLE), reaffirmed(2, REVIEW_BY))
                            .when(record(SECOND_VARIATION, ASH, 2, DESCRIPTION, JUSTIFICATION, REVIEW_BY),
                                    as(HEAD_ASH)),
                    CONFLICT, "the school already has variation '" + VARIATION + "' (RECORDED) against this"
                            + " standard: re-affirm or withdraw it");
        }

        @Test
        void anApprovedExceptionReaffirmedAgainstTheNewVersionGoesBackForApproval() {
            given(concat(exceptionThatIs(VariationStatus.APPROVED), adopted(2, AlignmentLevel.REQUIRED)))
                    .when(reaffirm(2, null), as(HEAD_ASH))
                    .expectEvents(new VariationReaffirmedEvent(VARIATION, STANDARD, TRUST, ASH, 2,
                            "Still the best way for us.", EXPIRES_ON, HEAD_ASH, NOW));
        }

        @Test
        void aReaffirmedExceptionCanBeApprovedAgain() {
            given(concat(exceptionThatIs(VariationStatus.APPROVED), adopted(2, AlignmentLevel.REQUIRED),
                    reaffirmed(2, EXPIRES_ON)))
                    .when(approve(), as(EXEC))
                    .expectEvents(new ExceptionApprovedEvent(VARIATION, STANDARD, TRUST, ASH, null, EXEC, NOW));
        }

        @Test
        void aReaffirmedExceptionIsNoLongerInForce() {
            expectRefusal(given(concat(exceptionThatIs(VariationStatus.APPROVED), adopted(2, AlignmentLevel.REQUIRED),
                            reaffirmed(2, EXPIRES_ON))).when(revoke("Misused."), as(EXEC)),
                    CONFLICT, "the variation is REQUESTED: only one in force can be revoked");
        }

        @Test
        void anExceptionRequestedAgainstAnOlderVersionCanBeApprovedOnceReaffirmed() {
            given(concat(exceptionThatIs(VariationStatus.REQUESTED), adopted(2, AlignmentLevel.REQUIRED),
                    reaffirmed(2, EXPIRES_ON)))
                    .when(approve(), as(EXEC))
                    .expectEvents(new ExceptionApprovedEvent(VARIATION, STANDARD, TRUST, ASH, null, EXEC, NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {HEAD_BIRCH, STAFF_ASH, EXEC, BOARD})
        void onlyTheHeadteacherOfTheSchoolMayReaffirm(String actorId) {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY),
                            adopted(2, AlignmentLevel.ADAPTABLE)).when(reaffirm(2, null), as(actorId)),
                    FORBIDDEN, "only the headteacher of that school may do this for it");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheStandardIsUnknown() {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED)).when(reaffirm(1, null), as(OUTSIDER)),
                    NOT_FOUND, "unknown standard '" + STANDARD + "'");
        }

        @Test
        void anUnknownVariationIsNotFound() {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED))
                            .when(new ReaffirmVariationCommand(STANDARD, "var-9", 1, "Still.", null), as(HEAD_ASH)),
                    NOT_FOUND, "unknown variation 'var-9'");
        }

        @Test
        void aReaffirmationAgainstASupersededVersionConflicts() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY),
                            adopted(2, AlignmentLevel.ADAPTABLE)).when(reaffirm(1, null), as(HEAD_ASH)),
                    CONFLICT, "standard '" + STANDARD + "' is at version 2: a variation is made against the current"
                            + " version, not 1");
        }

        @Test
        void aReaffirmationAgainstAVersionThatDoesNotExistIsRefused() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY),
                            adopted(2, AlignmentLevel.ADAPTABLE)).when(reaffirm(3, null), as(HEAD_ASH)),
                    BAD_REQUEST, "standard '" + STANDARD + "' has no version 3 (versions 1 to 2)");
        }

        @Test
        void aReaffirmationWithoutAVersionIsRefused() {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED)).when(reaffirm(null, null),
                            as(HEAD_ASH)),
                    BAD_REQUEST, "version is required");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aReaffirmationWithoutAJustificationIsRefused(String justification) {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED))
                            .when(new ReaffirmVariationCommand(STANDARD, VARIATION, 1, justification, null),
                                    as(HEAD_ASH)),
                    BAD_REQUEST, "justification must not be blank");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 1})
        void aNewReviewDateMustBeInTheFuture(int daysAgo) {
            LocalDate until = TODAY.minusDays(daysAgo);
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED)).when(reaffirm(1, until),
                            as(HEAD_ASH)),
                    BAD_REQUEST, "reviewBy must be in the future, was " + until);
        }

        @Test
        void aNewExpiryDateMustBeInTheFuture() {
            expectRefusal(given(exceptionThatIs(VariationStatus.APPROVED)).when(reaffirm(1, TODAY), as(HEAD_ASH)),
                    BAD_REQUEST, "expiresOn must be in the future, was " + TODAY);
        }

        @Test
        void aVariationThatLapsedCannotBeReaffirmed() {
            // the review date passed before Accord recorded the expiry: it was out of force from then on
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, PASSED))
                            .when(reaffirm(1, null), as(HEAD_ASH)),
                    CONFLICT, "the variation lapsed on " + PASSED + ": record a new one instead");
        }

        @Test
        void aVariationThatLapsedCannotBeRevivedWithANewDateEither() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, PASSED))
                            .when(reaffirm(1, newReviewBy), as(HEAD_ASH)),
                    CONFLICT, "the variation lapsed on " + PASSED + ": record a new one instead");
        }

        @Test
        void anImplementationCannotBeReaffirmedAgainstAVersionThatMadeTheStandardRequired() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY),
                            adopted(2, AlignmentLevel.REQUIRED)).when(reaffirm(2, null), as(HEAD_ASH)),
                    BAD_REQUEST, "version 2 is REQUIRED: the implementation cannot be re-affirmed against it; withdraw"
                            + " it and request an exception");
        }

        @Test
        void anExceptionCannotBeReaffirmedAgainstAVersionThatMadeTheStandardAdaptable() {
            expectRefusal(given(concat(exceptionThatIs(VariationStatus.APPROVED),
                            adopted(2, AlignmentLevel.ADAPTABLE))).when(reaffirm(2, null), as(HEAD_ASH)),
                    BAD_REQUEST, "version 2 is ADAPTABLE: the exception cannot be re-affirmed against it; withdraw it"
                            + " and record an implementation");
        }

        @Test
        void aVariationCannotBeReaffirmedAgainstAVersionThatIsOnlyGuidance() {
            // the message then advises recording an implementation, which GUIDANCE refuses too: only the start is
            // checked here
            given(concat(exceptionThatIs(VariationStatus.APPROVED), adopted(2, AlignmentLevel.GUIDANCE)))
                    .when(reaffirm(2, null), as(HEAD_ASH))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage(startsWith("version 2 is GUIDANCE: the exception cannot be re-affirmed against it; withdraw it: GUIDANCE"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"DECLINED", "WITHDRAWN", "REVOKED", "EXPIRED"})
        void aVariationThatHasEndedCannotBeReaffirmed(VariationStatus status) {
            expectRefusal(given(exceptionThatIs(status)).when(reaffirm(1, null), as(HEAD_ASH)),
                    CONFLICT, "the variation is " + status + ": record a new one instead");
        }

        @Test
        void aVariationOfARetiredStandardCannotBeReaffirmed() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY), retired(),
                            expired(RETIRED_ON, "standard retired")).when(reaffirm(1, null), as(HEAD_ASH)),
                    BAD_REQUEST, "standard '" + STANDARD + "' is retired");
        }
    }

    @Nested
    class Withdrawing {

        @Test
        void theHeadteacherWithdrawsTheirSchoolsVariation() {
            given(implementationThatIs(VariationStatus.RECORDED))
                    .when(withdraw("  We follow the standard as written now. "), as(HEAD_ASH))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VariationWithdrawnEvent(VARIATION, STANDARD, TRUST, ASH,
                            "We follow the standard as written now.", HEAD_ASH, NOW));
        }

        @Test
        void aRequestedExceptionMayBeWithdrawn() {
            given(exceptionThatIs(VariationStatus.REQUESTED))
                    .when(withdraw("Not needed after all."), as(HEAD_ASH))
                    .expectEvents(new VariationWithdrawnEvent(VARIATION, STANDARD, TRUST, ASH,
                            "Not needed after all.", HEAD_ASH, NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {HEAD_BIRCH, STAFF_ASH, EXEC, BOARD})
        void onlyTheHeadteacherOfTheSchoolMayWithdraw(String actorId) {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED)).when(withdraw("No."), as(actorId)),
                    FORBIDDEN, "only the headteacher of that school may do this for it");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheStandardIsUnknown() {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED)).when(withdraw("No."), as(OUTSIDER)),
                    NOT_FOUND, "unknown standard '" + STANDARD + "'");
        }

        @Test
        void aWithdrawnVariationCannotBeWithdrawnAgain() {
            expectRefusal(given(implementationThatIs(VariationStatus.WITHDRAWN)).when(withdraw("Again."),
                            as(HEAD_ASH)),
                    CONFLICT, "the variation is already WITHDRAWN");
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"DECLINED", "REVOKED", "EXPIRED"})
        void aVariationThatHasEndedOtherwiseCannotBeWithdrawn(VariationStatus status) {
            expectRefusal(given(exceptionThatIs(status)).when(withdraw("Late."), as(HEAD_ASH)),
                    CONFLICT, "the variation is already " + status);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = " \t ")
        void aWithdrawalWithoutAReasonIsRefused(String reason) {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED)).when(withdraw(reason), as(HEAD_ASH)),
                    BAD_REQUEST, "reason must not be blank");
        }
    }

    @Nested
    class Revoking {

        @Test
        void theExecutiveRevokesARecordedImplementation() {
            given(implementationThatIs(VariationStatus.RECORDED))
                    .when(revoke("  Not what the school does. "), as(EXEC))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VariationRevokedEvent(VARIATION, STANDARD, TRUST, ASH,
                            "Not what the school does.", EXEC, NOW));
        }

        @Test
        void theExecutiveRevokesAnApprovedException() {
            given(exceptionThatIs(VariationStatus.APPROVED))
                    .when(revoke("Circumstances changed."), as(EXEC))
                    .expectEvents(new VariationRevokedEvent(VARIATION, STANDARD, TRUST, ASH,
                            "Circumstances changed.", EXEC, NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {BOARD, HEAD_ASH, STAFF_ASH})
        void onlyATrustExecutiveMayRevoke(String actorId) {
            expectRefusal(given(exceptionThatIs(VariationStatus.APPROVED)).when(revoke("No."), as(actorId)),
                    FORBIDDEN, "only a trust executive may revoke a variation");
        }

        @Test
        void someoneOutsideTheTrustIsToldTheStandardIsUnknown() {
            expectRefusal(given(exceptionThatIs(VariationStatus.APPROVED)).when(revoke("No."), as(OUTSIDER)),
                    NOT_FOUND, "unknown standard '" + STANDARD + "'");
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"REQUESTED", "DECLINED", "WITHDRAWN", "REVOKED",
                "EXPIRED"})
        void onlyAVariationInForceCanBeRevoked(VariationStatus status) {
            expectRefusal(given(exceptionThatIs(status)).when(revoke("No."), as(EXEC)),
                    CONFLICT, "the variation is " + status + ": only one in force can be revoked");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = "  ")
        void aRevocationWithoutAReasonIsRefused(String reason) {
            expectRefusal(given(exceptionThatIs(VariationStatus.APPROVED)).when(revoke(reason), as(EXEC)),
                    BAD_REQUEST, "reason must not be blank");
        }
    }

    @Nested
    class Expiring {

        @ParameterizedTest
        @ValueSource(ints = {0, 1, 40})
        void accordExpiresAnImplementationOnItsReviewDateRecordingThatDate(int daysLate) {
            // Accord may have been down on the day: the variation still ended on its date
            Instant now = REVIEW_BY.plusDays(daysLate).atTime(0, 5).toInstant(ZoneOffset.UTC);
            at(now, implementationThatIs(VariationStatus.RECORDED))
                    .when(expire(), as(Actor.SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new VariationExpiredEvent(VARIATION, STANDARD, TRUST, ASH, REVIEW_BY,
                            "review date reached", now));
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"REQUESTED", "APPROVED"})
        void accordExpiresAnOpenExceptionOnItsExpiryDate(VariationStatus status) {
            Instant now = EXPIRES_ON.plusDays(3).atTime(12, 0).toInstant(ZoneOffset.UTC);
            at(now, exceptionThatIs(status))
                    .when(expire(), as(Actor.SYSTEM))
                    .expectEvents(new VariationExpiredEvent(VARIATION, STANDARD, TRUST, ASH, EXPIRES_ON,
                            "expiry date reached", now));
        }

        @ParameterizedTest
        @ValueSource(strings = {EXEC, HEAD_ASH, OUTSIDER})
        void onlyAccordItselfExpiresAVariation(String actorId) {
            Instant now = REVIEW_BY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            expectRefusal(at(now, implementationThatIs(VariationStatus.RECORDED)).when(expire(), as(actorId)),
                    FORBIDDEN, "variations expire by their date, not by request");
        }

        @Test
        void aVariationDoesNotExpireBeforeItsDate() {
            Instant lastMoment = REVIEW_BY.minusDays(1).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
            expectRefusal(at(lastMoment, implementationThatIs(VariationStatus.RECORDED))
                            .when(expire(), as(Actor.SYSTEM)),
                    CONFLICT, "the variation is RECORDED until " + REVIEW_BY);
        }

        @Test
        void aVariationWithoutADateNeverExpires() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, null))
                            .when(expire(), as(Actor.SYSTEM)),
                    CONFLICT, "the variation is RECORDED with no review or expiry date");
        }

        @ParameterizedTest
        @EnumSource(value = VariationStatus.class, names = {"DECLINED", "WITHDRAWN", "REVOKED", "EXPIRED"})
        void aVariationThatHasEndedDoesNotExpire(VariationStatus status) {
            Instant now = EXPIRES_ON.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            LocalDate until = status == VariationStatus.EXPIRED ? PASSED : EXPIRES_ON;
            expectRefusal(at(now, exceptionThatIs(status)).when(expire(), as(Actor.SYSTEM)),
                    CONFLICT, "the variation is " + status + " until " + until);
        }

        @Test
        void anUnknownVariationIsNotFound() {
            expectRefusal(given(implementationThatIs(VariationStatus.RECORDED))
                            .when(new ExpireVariationCommand(STANDARD, "var-9"), as(Actor.SYSTEM)),
                    NOT_FOUND, "unknown variation 'var-9'");
        }
    }

    /** Adoption calls the aggregate's methods directly (see AdoptionHandler); the fixture invokes them the same way. */
    @Nested
    class Adopting {

        private AdoptedText text(AlignmentLevel alignment, LocalDate effectiveFrom) {
            return new AdoptedText("Phones away all day", Area.BEHAVIOUR, alignment, "Phones stay away all day.",
                    effectiveFrom, STANDARD_REVIEW_BY, "proposal-7", EXEC);
        }

        @Test
        void versionOneCreatesTheStandard() {
            fixture.givenCurrentTime(NOW)
                    .whenConstructing(() -> Standard.adopt(adopted(1, AlignmentLevel.ADAPTABLE)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(adopted(1, AlignmentLevel.ADAPTABLE));
        }

        @Test
        void anAmendmentOfTheCurrentVersionAddsTheNextVersion() {
            AtomicInteger version = new AtomicInteger();
            LocalDate from = LocalDate.of(2026, 4, 20);
            given(adopted(1, AlignmentLevel.ADAPTABLE), adopted(2, AlignmentLevel.ADAPTABLE))
                    .whenInvoking(STANDARD, s -> version.set(s.amend(2, text(AlignmentLevel.REQUIRED, from))))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StandardVersionAdoptedEvent(STANDARD, TRUST, 3, "Phones away all day",
                            Area.BEHAVIOUR, AlignmentLevel.REQUIRED, "Phones stay away all day.", from,
                            STANDARD_REVIEW_BY, "proposal-7", EXEC, NOW));
            assertThat(version.get()).isEqualTo(3);
        }

        @Test
        void anAmendmentMayTakeEffectOnTheDayTheCurrentVersionDoes() {
            given(adopted(1, AlignmentLevel.ADAPTABLE), adopted(2, AlignmentLevel.ADAPTABLE))
                    .whenInvoking(STANDARD, s -> s.amend(2, text(AlignmentLevel.ADAPTABLE, V2_FROM)))
                    .expectEvents(new StandardVersionAdoptedEvent(STANDARD, TRUST, 3, "Phones away all day",
                            Area.BEHAVIOUR, AlignmentLevel.ADAPTABLE, "Phones stay away all day.", V2_FROM,
                            STANDARD_REVIEW_BY, "proposal-7", EXEC, NOW));
        }

        @Test
        void anAmendmentOfASupersededVersionConflicts() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), adopted(2, AlignmentLevel.ADAPTABLE))
                            .whenInvoking(STANDARD, s -> s.amend(1, text(AlignmentLevel.ADAPTABLE, TODAY))),
                    CONFLICT, "standard '" + STANDARD + "' is at version 2: the proposal amends version 1, which is"
                            + " no longer current");
        }

        @Test
        void anAmendmentTakingEffectBeforeTheCurrentVersionIsRefused() {
            LocalDate from = V2_FROM.minusDays(1);
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), adopted(2, AlignmentLevel.ADAPTABLE))
                            .whenInvoking(STANDARD, s -> s.amend(2, text(AlignmentLevel.ADAPTABLE, from))),
                    BAD_REQUEST, "effectiveFrom " + from + " is before version 2 takes effect (" + V2_FROM + ")");
        }

        @Test
        void aRetiredStandardCannotBeAmended() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), retired())
                            .whenInvoking(STANDARD, s -> s.amend(1, text(AlignmentLevel.ADAPTABLE, TODAY))),
                    BAD_REQUEST, "standard '" + STANDARD + "' is retired");
        }

        @Test
        void retiringEndsTheOpenVariationsOnTheRetirementDate() {
            LocalDate retiredOn = LocalDate.of(2026, 4, 1);
            // ash's implementation is open; birch's was withdrawn and stays so
            given(adopted(1, AlignmentLevel.ADAPTABLE), recorded(1, REVIEW_BY),
                    new ImplementationRecordedEvent(SECOND_VARIATION, STANDARD, TRUST, BIRCH, 1, DESCRIPTION,
                            JUSTIFICATION, null, HEAD_BIRCH, VARIED_AT),
                    new VariationWithdrawnEvent(SECOND_VARIATION, STANDARD, TRUST, BIRCH, "No.", HEAD_BIRCH,
                            VARIED_AT.plusSeconds(60)))
                    .whenInvoking(STANDARD, s -> s.retire(retiredOn, "proposal-9", EXEC))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new StandardRetiredEvent(STANDARD, TRUST, retiredOn, "proposal-9", EXEC, NOW),
                            new VariationExpiredEvent(VARIATION, STANDARD, TRUST, ASH, retiredOn,
                                    "standard retired", NOW));
        }

        @Test
        void retiringAStandardWithoutVariationsRecordsOnlyTheRetirement() {
            given(adopted(1, AlignmentLevel.GUIDANCE))
                    .whenInvoking(STANDARD, s -> s.retire(RETIRED_ON, "proposal-9", EXEC))
                    .expectEvents(new StandardRetiredEvent(STANDARD, TRUST, RETIRED_ON, "proposal-9", EXEC, NOW));
        }

        @Test
        void aStandardIsRetiredOnlyOnce() {
            expectRefusal(given(adopted(1, AlignmentLevel.ADAPTABLE), retired())
                            .whenInvoking(STANDARD, s -> s.retire(TODAY, "proposal-9", EXEC)),
                    CONFLICT, "standard '" + STANDARD + "' is already retired");
        }

        @Test
        void theFactsNameTheTrustTheCurrentVersionAndTheRetirement() {
            AtomicReference<StandardLookup.StandardFacts> facts = new AtomicReference<>();
            given(adopted(1, AlignmentLevel.ADAPTABLE), adopted(2, AlignmentLevel.REQUIRED), retired())
                    .whenInvoking(STANDARD, s -> facts.set(s.facts()))
                    .expectNoEvents();
            assertThat(facts.get()).isEqualTo(new StandardLookup.StandardFacts(TRUST, 2, true));
        }
    }

    /** Knows the trusts it was given and, like the event-sourced lookup, refuses any other as NOT_FOUND. */
    private static final class KnownTrusts implements TrustRosters {

        private final Map<String, Roster> rosters;

        KnownTrusts(Roster roster) {
            this.rosters = Map.of(roster.trustId(), roster);
        }

        @Override
        public Roster of(String trustId) {
            Roster roster = trustId == null ? null : rosters.get(trustId);
            if (roster == null) {
                throw Roster.unknownTrust(trustId);
            }
            return roster;
        }
    }
}
