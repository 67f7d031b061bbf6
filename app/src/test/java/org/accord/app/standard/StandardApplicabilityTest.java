package org.accord.app.standard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.AlignmentLevel;
import org.accord.api.standard.Applicability;
import org.accord.api.standard.Area;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.variation.RecordImplementationCommand;
import org.accord.app.trust.Roster;
import org.accord.app.trust.TrustRosters;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An amendment carries the applicability it names, or keeps the amended version's. */
class StandardApplicabilityTest {

    private static final String TRUST = "trust-1";
    private static final String STANDARD = "std-1";
    private static final String EXEC = "p-exec";
    private static final Instant V1_AT = Instant.parse("2025-07-01T12:00:00Z");
    private static final LocalDate V1_FROM = LocalDate.of(2025, 9, 1);
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate V2_FROM = LocalDate.of(2026, 4, 20);
    private static final Applicability PRIMARY = Applicability.phases(SchoolPhase.PRIMARY);
    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final String ELM = "school-elm";
    private static final String HEAD_ASH = "p-head-ash";
    private static final String HEAD_BIRCH = "p-head-birch";
    private static final String HEAD_ELM = "p-head-elm";

    private FixtureConfiguration<Standard> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Standard.class);
        Roster roster = new Roster(TRUST, Map.of(
                EXEC, new Roster.Membership(Set.of(PersonRole.TRUST_EXECUTIVE), null),
                HEAD_ASH, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), ASH),
                HEAD_BIRCH, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), BIRCH),
                HEAD_ELM, new Roster.Membership(Set.of(PersonRole.HEADTEACHER), ELM)),
                Set.of(ASH, BIRCH, ELM), Set.of("north"), Map.of(
                        ASH, standing(Set.of(SchoolPhase.PRIMARY), null),
                        BIRCH, standing(Set.of(SchoolPhase.SECONDARY), null),
                        // Elm is secondary and becomes all-through next year, as already recorded
                        ELM, standing(Set.of(SchoolPhase.SECONDARY, SchoolPhase.ALL_THROUGH), "north")));
        fixture.registerInjectableResource((TrustRosters) trustId -> roster);
    }

    @Test
    void versionOneCarriesWhatItAppliesTo() {
        fixture.givenCurrentTime(NOW)
                .whenConstructing(() -> Standard.adopt(v1(PRIMARY)))
                .expectEvents(v1(PRIMARY));
    }

    @Test
    void anAmendmentThatNamesNoApplicabilityKeepsTheAmendedVersions() {
        fixture.givenCurrentTime(NOW).andGiven(v1(PRIMARY))
                .whenInvoking(STANDARD, s -> s.amend(1, text(null)))
                .expectEvents(v2(PRIMARY));
    }

    @Test
    void anAmendmentThatWidensApplicabilityRecordsTheWiderOne() {
        Applicability wider = Applicability.phases(SchoolPhase.PRIMARY, SchoolPhase.ALL_THROUGH);
        fixture.givenCurrentTime(NOW).andGiven(v1(PRIMARY))
                .whenInvoking(STANDARD, s -> s.amend(1, text(wider)))
                .expectEvents(v2(wider));
    }

    @Test
    void anAmendmentMayTakeAStandardForOnePhaseToEverySchool() {
        fixture.givenCurrentTime(NOW).andGiven(v1(PRIMARY))
                .whenInvoking(STANDARD, s -> s.amend(1, text(Applicability.EVERY_SCHOOL)))
                .expectEvents(v2(Applicability.EVERY_SCHOOL));
    }

    @Test
    void anAmendmentOfAVersionRecordedBeforeApplicabilityExistedStillAppliesToEverySchool() {
        fixture.givenCurrentTime(NOW).andGiven(v1(null))
                .whenInvoking(STANDARD, s -> s.amend(1, text(null)))
                .expectEvents(v2(null));
    }

    @Test
    void aSchoolTheStandardDoesNotApplyToCannotRecordAnImplementationOfIt() {
        fixture.givenCurrentTime(NOW).andGiven(v1(PRIMARY))
                .when(implementation(BIRCH), as(HEAD_BIRCH))
                .expectException(DomainException.class)
                .expectExceptionMessage("standard 'std-1' version 1 applies to PRIMARY schools, and school"
                        + " 'school-birch' is not among them: it needs no variation")
                .expectNoEvents();
    }

    @Test
    void aSchoolTheStandardAppliesToRecordsAnImplementation() {
        fixture.givenCurrentTime(NOW).andGiven(v1(PRIMARY))
                .when(implementation(ASH), as(HEAD_ASH))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSchoolRecordedToTakeACoveredPhaseLaterMayPrepareItsImplementationNow() {
        fixture.givenCurrentTime(NOW).andGiven(v1(Applicability.phases(SchoolPhase.ALL_THROUGH)))
                .when(implementation(ELM), as(HEAD_ELM))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aClusterStandardAcceptsAVariationOnlyFromASchoolOfTheCluster() {
        Applicability north = new Applicability(List.of(), List.of("north"), List.of());
        fixture.givenCurrentTime(NOW).andGiven(v1(north))
                .when(implementation(ELM), as(HEAD_ELM))
                .expectSuccessfulHandlerExecution();
        fixture.givenCurrentTime(NOW).andGiven(v1(north))
                .when(implementation(ASH), as(HEAD_ASH))
                .expectException(DomainException.class)
                .expectNoEvents();
    }

    @Test
    void aClusterStandardOfTheDecisionRightsMapAcceptsAVariationOnlyFromASchoolOfItsCluster() {
        StandardVersionAdoptedEvent first = v1(null);
        Object scoped = new org.accord.api.rights.StandardVersionScopedToClusterEvent(STANDARD, TRUST, 1, "north",
                EXEC);
        fixture.givenCurrentTime(NOW).andGiven(first, scoped)
                .when(implementation(ASH), as(HEAD_ASH))
                .expectException(DomainException.class)
                .expectExceptionMessage("standard 'std-1' is a standard of cluster 'north', and school 'school-ash'"
                        + " is not in it: it needs no variation")
                .expectNoEvents();
        fixture.givenCurrentTime(NOW).andGiven(first, scoped)
                .when(implementation(ELM), as(HEAD_ELM))
                .expectSuccessfulHandlerExecution();
    }

    private static RecordImplementationCommand implementation(String schoolId) {
        return new RecordImplementationCommand(STANDARD, "var-" + schoolId, schoolId, 1, "Romans in Year 3",
                "A local fort", LocalDate.of(2027, 3, 1));
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    private static Roster.SchoolStanding standing(Set<SchoolPhase> phases, String cluster) {
        Set<String> clusters = new java.util.HashSet<>();
        clusters.add(cluster);
        return new Roster.SchoolStanding(phases, clusters);
    }

    private static AdoptedText text(Applicability applicability) {
        return new AdoptedText("History, with a local study", Area.CURRICULUM, AlignmentLevel.ADAPTABLE,
                "Chronological, with a local study.", V2_FROM, null, "proposal-2", EXEC, applicability);
    }

    private static StandardVersionAdoptedEvent v1(Applicability applicability) {
        return new StandardVersionAdoptedEvent(STANDARD, TRUST, 1, "History", Area.CURRICULUM,
                AlignmentLevel.ADAPTABLE, "Chronological.", V1_FROM, null, "proposal-1", EXEC, V1_AT, applicability);
    }

    private static StandardVersionAdoptedEvent v2(Applicability applicability) {
        return new StandardVersionAdoptedEvent(STANDARD, TRUST, 2, "History, with a local study", Area.CURRICULUM,
                AlignmentLevel.ADAPTABLE, "Chronological, with a local study.", V2_FROM, null, "proposal-2", EXEC,
                NOW, applicability);
    }
}
