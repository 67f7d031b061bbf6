package org.accord.app.attestation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.api.attestation.RecordAttestationDueCommand;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An attestation falling due: recorded by Accord once per school × standard × period, telling the school's heads. */
class AttestationDueTest {

    private static final String TRUST = "trust-1";
    private static final String HEAD = "p-head";
    private static final String CO_HEAD = "p-co-head";
    private static final String OTHER_HEAD = "p-head2";
    private static final String STAFF = "p-staff";
    private static final String TERMLY = "std-termly";
    private static final String GUIDANCE = "std-guidance";
    private static final String SECONDARY_ONLY = "std-secondary";
    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 10, 5);
    private static final LocalDate AUTUMN = LocalDate.of(2026, 9, 1);

    private static final Roster ROSTER = new Roster(TRUST, Map.of(
            HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            CO_HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-1"),
            OTHER_HEAD, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), "school-2"),
            STAFF, new Roster.Membership(Set.of(PersonRole.STAFF), "school-1")),
            Set.of("school-1", "school-2", "school-3"), Set.of(),
            Map.of("school-1", new Roster.SchoolStanding(Set.of(SchoolPhase.PRIMARY), java.util.Collections
                    .singleton(null)), "school-2", new Roster.SchoolStanding(Set.of(SchoolPhase.SECONDARY),
                    java.util.Collections.singleton(null)), "school-3", new Roster.SchoolStanding(
                    Set.of(SchoolPhase.PRIMARY), java.util.Collections.singleton(null))));

    private FixtureConfiguration<AttestationDue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AttestationDue.class);
        fixture.registerInjectableResource((TrustRosters) id -> ROSTER);
        fixture.registerInjectableResource(new StandardsInForce() {
            @Override
            public Optional<VersionInForce> find(String trustId, String standardId, LocalDate day) {
                if (!TODAY.equals(day)) {
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
                return true;
            }
        });
    }

    private static CommandMessage<?> as(String actorId, Object command) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(Actor.METADATA_KEY, actorId));
    }

    private static RecordAttestationDueCommand due(String school, String standard, LocalDate periodStart) {
        return new RecordAttestationDueCommand(TRUST, school, standard, periodStart);
    }

    private static AttestationFellDueEvent fellDue() {
        return new AttestationFellDueEvent(RecordAttestationDueCommand.idOf(TRUST, "school-1", TERMLY, AUTUMN),
                TRUST, "school-1", TERMLY, 2, AttestationCadence.TERMLY, AUTUMN, LocalDate.of(2026, 12, 31),
                List.of(CO_HEAD, HEAD), T0);
    }

    private static void refused(ResultValidator<AttestationDue> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class).expectException(AttestationTest.refusedAs(kind))
              .expectExceptionMessage(message).expectNoEvents();
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
