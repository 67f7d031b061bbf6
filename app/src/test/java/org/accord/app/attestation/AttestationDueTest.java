package org.accord.app.attestation;

import static org.accord.app.attestation.AttestationGiven.CO_HEAD;
import static org.accord.app.attestation.AttestationGiven.GUIDANCE;
import static org.accord.app.attestation.AttestationGiven.HEAD;
import static org.accord.app.attestation.AttestationGiven.SECONDARY_ONLY;
import static org.accord.app.attestation.AttestationGiven.T0;
import static org.accord.app.attestation.AttestationGiven.TERMLY;
import static org.accord.app.attestation.AttestationGiven.TRUST;
import static org.accord.app.attestation.AttestationGiven.as;
import static org.accord.app.attestation.AttestationGiven.refused;

import java.time.LocalDate;
import java.util.List;

import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.api.attestation.RecordAttestationDueCommand;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AttestationCadence;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An attestation falling due: recorded by Accord once per school × standard × period, telling the school's heads. */
class AttestationDueTest {

    private static final LocalDate AUTUMN = LocalDate.of(2026, 9, 1);

    private FixtureConfiguration<AttestationDue> fixture;

    @BeforeEach
    void setUp() {
        fixture = AttestationGiven.fixture(AttestationDue.class);
    }

    private static RecordAttestationDueCommand due(String school, String standard, LocalDate periodStart) {
        return new RecordAttestationDueCommand(TRUST, school, standard, periodStart);
    }

    private static AttestationFellDueEvent fellDue() {
        return new AttestationFellDueEvent(RecordAttestationDueCommand.idOf(TRUST, "school-1", TERMLY, AUTUMN),
                TRUST, "school-1", TERMLY, 2, AttestationCadence.TERMLY, AUTUMN, LocalDate.of(2026, 12, 31),
                List.of(CO_HEAD, HEAD), T0);
    }

    @Test
    void accordRecordsTheTermsAttestationDueAndNamesEveryHeadOfTheSchoolButNotItsStaff() {
        fixture.givenCurrentTime(T0).andGivenCommands()
               .when(as(Actor.SYSTEM, due("school-1", TERMLY, AUTUMN)))
               .expectSuccessfulHandlerExecution()
               .expectEvents(fellDue());
    }

    @Test
    void aSchoolWithNoHeadOnRecordIsStillRecordedSoItIsNotAskedAgain() {
        fixture.givenCurrentTime(T0).andGivenCommands()
               .when(as(Actor.SYSTEM, due("school-3", TERMLY, AUTUMN)))
               .expectEvents(new AttestationFellDueEvent(RecordAttestationDueCommand.idOf(TRUST, "school-3", TERMLY,
                       AUTUMN), TRUST, "school-3", TERMLY, 2, AttestationCadence.TERMLY, AUTUMN,
                       LocalDate.of(2026, 12, 31), List.of(), T0));
    }

    @Test
    void theSamePeriodFallsDueOnlyOnce() {
        refused(fixture.givenCurrentTime(T0).andGiven(fellDue()).when(as(Actor.SYSTEM, due("school-1", TERMLY, AUTUMN))),
                DomainException.Kind.CONFLICT,
                "the attestation due for this school, standard and period is already recorded");
    }

    @Test
    void nobodyButAccordRecordsAnAttestationDue() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands().when(as(HEAD, due("school-1", TERMLY, AUTUMN))),
                DomainException.Kind.FORBIDDEN,
                "an attestation falls due by the calendar: Accord records it, not on request");
    }

    @Test
    void onlyTodaysPeriodFallsDue() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(Actor.SYSTEM, due("school-1", TERMLY, LocalDate.of(2026, 4, 15)))),
                DomainException.Kind.BAD_REQUEST, "the period from 2026-04-15 is not today's: 2026-10-05 falls in the"
                        + " period from 2026-09-01 to 2026-12-31");
    }

    @Test
    void aStandardThatAsksForNoAttestationNeverFallsDue() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(Actor.SYSTEM, due("school-1", GUIDANCE, AUTUMN))),
                DomainException.Kind.BAD_REQUEST, "standard 'std-guidance' version 1 asks for no attestation (cadence NONE)");
    }

    @Test
    void aStandardThatDoesNotApplyToTheSchoolNeverFallsDueForIt() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(Actor.SYSTEM, due("school-1", SECONDARY_ONLY, AUTUMN))),
                DomainException.Kind.BAD_REQUEST, "standard 'std-secondary' version 1 does not apply to school 'school-1'");
    }

    @Test
    void anIdThatIsNotTheSchoolStandardAndPeriodsIsRefused() {
        refused(fixture.givenCurrentTime(T0).andGivenCommands()
                        .when(as(Actor.SYSTEM, new RecordAttestationDueCommand("attestation-due:made-up", TRUST,
                                "school-1", TERMLY, AUTUMN))),
                DomainException.Kind.BAD_REQUEST,
                "dueId 'attestation-due:made-up' is not the id of this school, standard and period");
    }
}
