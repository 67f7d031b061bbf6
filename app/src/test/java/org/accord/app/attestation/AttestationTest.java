package org.accord.app.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.attestation.AttestCommand;
import org.accord.api.attestation.AttestationRecordedEvent;
import org.accord.api.attestation.QaFindingRecordedEvent;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.attestation.RecordQaFindingCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.AttestationCadence;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.SchoolPhase;
import org.accord.app.standard.StandardsInForce;
import org.accord.app.standard.VersionInForce;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One rule per test: who may attest, against what, and who records a quality-assurance finding. */
class AttestationTest {

    private static final String TRUST = "trust-1";
    private static final String ATTESTATION = "attestation-1";
    private static final String HEAD = "p-head";
    private static final String OTHER_HEAD = "p-head2";
    private static final String STAFF = "p-staff";
    private static final String EXEC = "p-exec";
    private static final String BOARD = "p-board";
    private static final String OUTSIDER = "p-outsider";
    private static final String TERMLY = "std-termly";
    private static final String GUIDANCE = "std-guidance";
    private static final String SECONDARY_ONLY = "std-secondary";
    private static final String NOT_YET = "std-not-yet";
    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 5);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            OTHER_HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-2"),
            STAFF, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1"),
            EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
            BOARD, new Roster.Membership(Set.of(PersonRole.BOARD_MEMBER), null)),
            Set.of("school-1", "school-2"), Set.of(),
            Map.of("school-1", new Roster.SchoolStanding(Set.of(SchoolPhase.PRIMARY), java.util.Collections
                    .singleton(null)), "school-2", new Roster.SchoolStanding(Set.of(SchoolPhase.SECONDARY),
                    java.util.Collections.singleton(null))));

    private FixtureConfiguration<Attestation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Attestation.class);
        fixture.registerInjectableResource((TrustRosters) id -> {
            if (!TRUST.equals(id)) {
                throw Roster.unknownTrust(id);
            }
            return ROSTER;
        });
        fixture.registerInjectableResource(new StandardsInForce() {
            @Override
            public Optional<VersionInForce> find(String trustId, String standardId, LocalDate day) {
                if (!TRUST.equals(trustId) || !TODAY.equals(day)) {
                    return Optional.empty();
                }
                return switch (standardId) {
                    case TERMLY -> Optional.of(new VersionInForce(TRUST, 2, AttestationCadence.TERMLY,
                            Applicability.EVERY_SCHOOL, null));
                    case GUIDANCE -> Optional.of(new VersionInForce(TRUST, 1, AttestationCadence.NONE,
                            Applicability.EVERY_SCHOOL, null));
                    case SECONDARY_ONLY -> Optional.of(new VersionInForce(TRUST, 1, AttestationCadence.YEARLY,
                            Applicability.phases(SchoolPhase.SECONDARY), null));
                    default -> Optional.empty();
                };
            }

            @Override
            public boolean exists(String trustId, String standardId) {
                return TRUST.equals(trustId)
                        && List.of(TERMLY, GUIDANCE, SECONDARY_ONLY, NOT_YET).contains(standardId);
            }
        });
    }

    private static CommandMessage<?> as(String actorId, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(Actor.METADATA_KEY, actorId));
    }

    private static AttestCommand attest(String schoolId, String standardId, int version, String statement) {
        return new AttestCommand(ATTESTATION, TRUST, schoolId, standardId, version, statement,
                List.of("https://school-1.example/policy.pdf", " Safeguarding audit 2026 "));
    }

    private static AttestationRecordedEvent attested() {
        return new AttestationRecordedEvent(ATTESTATION, TRUST, "school-1", TERMLY, 2, AttestationCadence.TERMLY,
                "We meet it: checked in September.", List.of("https://school-1.example/policy.pdf",
                "Safeguarding audit 2026"), HEAD, T0);
    }

    private static void refused(ResultValidator<Attestation> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class).expectException(refusedAs(kind))
              .expectExceptionMessage(message).expectNoEvents();
    }

    @Test
    void theHeadAttestsForTheirSchoolAgainstTheVersionInForceWithTrimmedEvidence() {
        fixture.givenCurrentTime(T0).andGivenCommands()
               .when(as(HEAD, attest("school-1", TERMLY, 2, " We meet it: checked in September. ")))
               .expectSuccessfulHandlerExecution()
               .expectEvents(attested());
    }

    @Test
    void anAttestationForAnotherSchoolIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(HEAD, attest("school-2", TERMLY, 2, "We meet it."))),
                DomainException.Kind.FORBIDDEN, "only the headteacher of school 'school-2' may attest for it");
    }

    @Test
    void aMemberOfStaffCannotAttestEvenForTheirOwnSchool() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(STAFF, attest("school-1", TERMLY, 2, "We meet it."))),
                DomainException.Kind.FORBIDDEN, "only the headteacher of school 'school-1' may attest for it");
    }

    @Test
    void anAttestationAgainstAVersionNotInForceIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(HEAD, attest("school-1", TERMLY, 1, "We meet it."))),
                DomainException.Kind.BAD_REQUEST,
                "version 1 of standard 'std-termly' is not in force: version 2 is, attest against it");
    }

    @Test
    void aStandardWithNoVersionInForceYetTakesNoAttestation() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(HEAD, attest("school-1", NOT_YET, 1, "We meet it."))),
                DomainException.Kind.BAD_REQUEST,
                "standard 'std-not-yet' has no version in force on 2026-10-05: there is nothing to attest against");
    }

    @Test
    void anAttestationForAStandardThatDoesNotApplyToTheSchoolIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(HEAD, attest("school-1", SECONDARY_ONLY, 1, "We meet it."))),
                DomainException.Kind.BAD_REQUEST, "standard 'std-secondary' version 1 does not apply to school"
                        + " 'school-1' (it applies to SECONDARY schools): there is nothing to attest");
    }

    @Test
    void aStandardThatAsksForNoAttestationTakesNone() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(HEAD, attest("school-1", GUIDANCE, 1, "We meet it."))),
                DomainException.Kind.BAD_REQUEST,
                "standard 'std-guidance' version 1 asks for no attestation (cadence NONE)");
    }

    @Test
    void anEmptyStatementIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(HEAD, attest("school-1", TERMLY, 2, "   "))),
                DomainException.Kind.BAD_REQUEST, "statement must not be blank");
    }

    @Test
    void aBlankEvidenceReferenceIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(HEAD, new AttestCommand(ATTESTATION, TRUST, "school-1", TERMLY, 2, "We meet it.",
                                List.of("policy.pdf", " ")))),
                DomainException.Kind.BAD_REQUEST, "evidence must not contain blank items");
    }

    @Test
    void anUnknownStandardIsNotFound() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(HEAD, attest("school-1", "std-nope", 1, "We meet it."))),
                DomainException.Kind.NOT_FOUND, "unknown standard 'std-nope'");
    }

    @Test
    void someoneOutsideTheTrustIsToldTheTrustIsUnknown() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(OUTSIDER, attest("school-1", TERMLY, 2, "We meet it."))),
                DomainException.Kind.NOT_FOUND, "unknown trust 'trust-1'");
    }

    @Test
    void theExecutiveConfirmsAnAttestationAfterAVisit() {
        fixture.givenCurrentTime(T0).andGiven(attested())
               .when(as(EXEC, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CONFIRMED, "Seen in practice.",
                       null, null, LocalDate.of(2026, 10, 1))))
               .expectEvents(new QaFindingRecordedEvent(ATTESTATION, TRUST, "school-1", TERMLY, 2,
                       QaOutcome.CONFIRMED, "Seen in practice.", List.of(), null, LocalDate.of(2026, 10, 1), EXEC,
                       T0));
    }

    @Test
    void theExecutiveChallengesAnAttestationWithActionsAndAFollowUpDate() {
        fixture.givenCurrentTime(T0).andGiven(attested())
               .when(as(EXEC, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CHALLENGED, "Logs incomplete.",
                       List.of("Complete the referral log"), LocalDate.of(2026, 12, 1), null)))
               .expectEvents(new QaFindingRecordedEvent(ATTESTATION, TRUST, "school-1", TERMLY, 2,
                       QaOutcome.CHALLENGED, "Logs incomplete.", List.of("Complete the referral log"),
                       LocalDate.of(2026, 12, 1), TODAY, EXEC, T0));
    }

    @Test
    void aQaFindingBySomeoneWithoutTheRoleIsRefused() {
        for (String notExecutive : List.of(HEAD, BOARD, OTHER_HEAD)) {
            refused(fixture.givenCurrentTime(T0).andGiven(attested())
                            .when(as(notExecutive, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CONFIRMED,
                                    null, null, null, null))),
                    DomainException.Kind.FORBIDDEN, "only a trust executive may record a quality-assurance finding");
        }
    }

    @Test
    void anOutsiderIsToldTheAttestationIsUnknown() {
        refused(fixture.givenCurrentTime(T0).andGiven(attested())
                        .when(as(OUTSIDER, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CONFIRMED, null, null,
                                null, null))),
                DomainException.Kind.NOT_FOUND, "unknown attestation 'attestation-1'");
    }

    @Test
    void aChallengeWithoutActionsIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGiven(attested())
                        .when(as(EXEC, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CHALLENGED, "No.",
                                List.of(), LocalDate.of(2026, 12, 1), null))),
                DomainException.Kind.BAD_REQUEST, "a CHALLENGED finding needs at least one agreed action");
    }

    @Test
    void aChallengeWithoutAFollowUpDateIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGiven(attested())
                        .when(as(EXEC, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CHALLENGED, "No.",
                                List.of("Fix it"), null, null))),
                DomainException.Kind.BAD_REQUEST, "a CHALLENGED finding needs a followUpBy date");
    }

    @Test
    void aFollowUpDateInThePastIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGiven(attested())
                        .when(as(EXEC, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CHALLENGED, "No.",
                                List.of("Fix it"), TODAY, null))),
                DomainException.Kind.BAD_REQUEST, "followUpBy must be in the future, was 2026-10-05");
    }

    @Test
    void aVisitInTheFutureIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGiven(attested())
                        .when(as(EXEC, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CONFIRMED, null, null,
                                null, TODAY.plusDays(1)))),
                DomainException.Kind.BAD_REQUEST, "visitedOn 2026-10-06 is in the future: record a visit once made");
    }

    @Test
    void aConfirmationTakesNoActions() {
        refused(fixture.givenCurrentTime(T0).andGiven(attested())
                        .when(as(EXEC, new RecordQaFindingCommand(ATTESTATION, QaOutcome.CONFIRMED, null,
                                List.of("Do more"), null, null))),
                DomainException.Kind.BAD_REQUEST,
                "a CONFIRMED finding takes no actions or followUpBy: challenge it instead");
    }

    static Matcher<DomainException> refusedAs(DomainException.Kind kind) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.kind() == kind;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException of kind ").appendValue(kind);
            }
        };
    }
}
