package org.accord.app.attestation;

import static org.accord.app.attestation.AttestationGiven.BOARD;
import static org.accord.app.attestation.AttestationGiven.EXEC;
import static org.accord.app.attestation.AttestationGiven.GUIDANCE;
import static org.accord.app.attestation.AttestationGiven.HEAD;
import static org.accord.app.attestation.AttestationGiven.NOT_YET;
import static org.accord.app.attestation.AttestationGiven.OTHER_HEAD;
import static org.accord.app.attestation.AttestationGiven.OUTSIDER;
import static org.accord.app.attestation.AttestationGiven.SECONDARY_ONLY;
import static org.accord.app.attestation.AttestationGiven.STAFF;
import static org.accord.app.attestation.AttestationGiven.T0;
import static org.accord.app.attestation.AttestationGiven.TERMLY;
import static org.accord.app.attestation.AttestationGiven.TODAY;
import static org.accord.app.attestation.AttestationGiven.TRUST;
import static org.accord.app.attestation.AttestationGiven.as;
import static org.accord.app.attestation.AttestationGiven.refused;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.attestation.AttestCommand;
import org.accord.api.attestation.AttestationRecordedEvent;
import org.accord.api.attestation.QaFindingRecordedEvent;
import org.accord.api.attestation.QaOutcome;
import org.accord.api.attestation.RecordQaFindingCommand;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AttestationCadence;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One rule per test: who may attest, against what, and who records a quality-assurance finding. */
class AttestationTest {

    private static final String ATTESTATION = "attestation-1";

    private FixtureConfiguration<Attestation> fixture;

    @BeforeEach
    void setUp() {
        fixture = AttestationGiven.fixture(Attestation.class);
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
}
