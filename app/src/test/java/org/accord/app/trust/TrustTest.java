package org.accord.app.trust;

import static org.accord.app.support.Refusals.refusedAs;
import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.CONFLICT;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.trust.ErasePersonCommand;
import org.accord.api.trust.PersonErasedEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.RegisterPersonCommand;
import org.accord.api.trust.RegisterSchoolCommand;
import org.accord.api.trust.RegisterTrustCommand;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.person.PersonDirectory;
import org.accord.app.shared.Check;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrustTest {

    private static final String TRUST = "trust-1";
    private static final String SCHOOL = "school-1";
    private static final String EXEC = "p-exec";
    private static final String TEACHER = "p-teacher";
    private static final String OUTSIDER = "p-outsider";

    private final InMemoryPersonDirectory directory = new InMemoryPersonDirectory();
    private FixtureConfiguration<Trust> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trust.class);
        fixture.registerInjectableResource(directory);
    }

    /** A trust with one school, an executive (who works at no school) and a teacher at that school. */
    private static Object[] establishedTrust() {
        return new Object[] {
                new TrustRegisteredEvent(TRUST, "Northern Lights Trust"),
                new SchoolRegisteredEvent(TRUST, SCHOOL, "Riverside Primary", SchoolPhase.PRIMARY, Actor.SYSTEM),
                new PersonRegisteredEvent(TRUST, EXEC, Set.of(PersonRole.TRUST_EXECUTIVE), null, Actor.SYSTEM),
                new PersonRegisteredEvent(TRUST, TEACHER, Set.of(PersonRole.STAFF), SCHOOL, EXEC)
        };
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    @Nested
    class RegisteringATrust {

        @Test
        void accordItselfRegistersATrust() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterTrustCommand(TRUST, "Northern Lights Trust"), as(Actor.SYSTEM))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new TrustRegisteredEvent(TRUST, "Northern Lights Trust"));
        }

        @Test
        void anOperatorRegistersATrustWithItsFirstExecutiveInOneGo() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterTrustCommand(TRUST, "Northern Lights Trust", EXEC, " Ada Okafor "),
                            as(Actor.SYSTEM))
                    .expectEvents(new TrustRegisteredEvent(TRUST, "Northern Lights Trust"),
                            new PersonRegisteredEvent(TRUST, EXEC, Set.of(PersonRole.TRUST_EXECUTIVE), null,
                                    Actor.SYSTEM))
                    .expectEventsMatching(noPayloadMentions("Okafor"));
            assertThat(directory.entries).containsExactly(Map.entry(EXEC,
                    new PersonDirectory.Entry(EXEC, TRUST, "Ada Okafor")));
        }

        @Test
        void aTrustWhoseFirstExecutiveIsAnotherTrustsPersonIsNotRegisteredAtAll() {
            directory.record(EXEC, "trust-2", "Other Trust's Executive");
            fixture.givenNoPriorActivity()
                    .when(new RegisterTrustCommand(TRUST, "Northern Lights Trust", EXEC, "Ada Okafor"),
                            as(Actor.SYSTEM))
                    .expectNoEvents()
                    .expectException(refusedAs(CONFLICT))
                    .expectExceptionMessage("person 'p-exec' is already registered");
            assertThat(directory.entries).containsExactly(Map.entry(EXEC,
                    new PersonDirectory.Entry(EXEC, "trust-2", "Other Trust's Executive")));
        }

        @Test
        void noCallerOfTheApiMayRegisterATrust() {
            // not even an executive of another trust: trusts are the tenants, so creating one is an operator's act
            fixture.givenNoPriorActivity()
                    .when(new RegisterTrustCommand(TRUST, "Northern Lights Trust"), as(EXEC))
                    .expectException(refusedAs(FORBIDDEN))
                    .expectExceptionMessage("trusts are registered by an operator, not through the API")
                    .expectNoEvents();
        }

        @Test
        void trustWithoutIdIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterTrustCommand(null, "Northern Lights Trust"), as(Actor.SYSTEM))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("trustId is required")
                    .expectNoEvents();
        }

        @Test
        void trustWithBlankNameIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterTrustCommand(TRUST, " \t "), as(Actor.SYSTEM))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("name must not be blank")
                    .expectNoEvents();
        }

        @Test
        void trustWithNameLongerThanTwoHundredCharactersIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterTrustCommand(TRUST, "T".repeat(Check.MAX_NAME_LENGTH + 1)), as(Actor.SYSTEM))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("name must be at most 200 characters")
                    .expectNoEvents();
        }

        @Test
        void trustNameOfExactlyTwoHundredCharactersIsAccepted() {
            // the surrounding spaces do not count: the limit applies to the name as it will be stored
            String longest = "T".repeat(Check.MAX_NAME_LENGTH);
            fixture.givenNoPriorActivity()
                    .when(new RegisterTrustCommand(TRUST, "  " + longest + "  "), as(Actor.SYSTEM))
                    .expectEvents(new TrustRegisteredEvent(TRUST, longest));
        }
    }

    @Nested
    class RegisteringASchool {

        @Test
        void anExecutiveRegistersASchool() {
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", "Hilltop Academy", SchoolPhase.SECONDARY),
                            as(EXEC))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new SchoolRegisteredEvent(TRUST, "school-2", "Hilltop Academy",
                            SchoolPhase.SECONDARY, EXEC));
        }

        @Test
        void accordItselfMayRegisterASchoolWithoutBeingInTheTrust() {
            // the demo loader and operator bootstrap act as the system, which holds no role in any trust
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", "Hilltop Academy", SchoolPhase.SECONDARY),
                            as(Actor.SYSTEM))
                    .expectEvents(new SchoolRegisteredEvent(TRUST, "school-2", "Hilltop Academy",
                            SchoolPhase.SECONDARY, Actor.SYSTEM));
        }

        @Test
        void schoolNameIsStoredWithoutSurroundingWhitespace() {
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", "  Hilltop Academy\n", SchoolPhase.SECONDARY),
                            as(EXEC))
                    .expectEvents(new SchoolRegisteredEvent(TRUST, "school-2", "Hilltop Academy",
                            SchoolPhase.SECONDARY, EXEC));
        }

        @Test
        void onlyATrustExecutiveMayRegisterASchool() {
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", "Hilltop Academy", SchoolPhase.SECONDARY),
                            as(TEACHER))
                    .expectException(refusedAs(FORBIDDEN))
                    .expectExceptionMessage("only a trust executive may register a school")
                    .expectNoEvents();
        }

        @Test
        void someoneFromAnotherTrustIsToldTheTrustIsUnknown() {
            // the same answer as for a trust that does not exist, so that other trusts' ids cannot be probed
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", "Hilltop Academy", SchoolPhase.SECONDARY),
                            as(OUTSIDER))
                    .expectException(refusedAs(NOT_FOUND))
                    .expectExceptionMessage("unknown trust '" + TRUST + "'")
                    .expectNoEvents();
        }

        @Test
        void schoolWithBlankNameIsRefused() {
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", "   ", SchoolPhase.SECONDARY), as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("name must not be blank")
                    .expectNoEvents();
        }

        @Test
        void schoolWithNameLongerThanTwoHundredCharactersIsRefused() {
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", "S".repeat(Check.MAX_NAME_LENGTH + 1),
                            SchoolPhase.SECONDARY), as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("name must be at most 200 characters")
                    .expectNoEvents();
        }

        @Test
        void schoolWithoutPhaseIsRefused() {
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", "Hilltop Academy", null), as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("phase is required")
                    .expectNoEvents();
        }

        @Test
        void schoolNameAlreadyInTheTrustIsRefusedWhateverItsCaseAndSpacing() {
            // "Riverside Primary" and " RIVERSIDE primary " would be the same school to anyone reading a list
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, "school-2", " RIVERSIDE primary ", SchoolPhase.PRIMARY),
                            as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("the trust already has a school named 'RIVERSIDE primary'")
                    .expectNoEvents();
        }

        @Test
        void schoolIdAlreadyRegisteredIsAConflict() {
            fixture.given(establishedTrust())
                    .when(new RegisterSchoolCommand(TRUST, SCHOOL, "Hilltop Academy", SchoolPhase.SECONDARY),
                            as(EXEC))
                    .expectException(refusedAs(CONFLICT))
                    .expectExceptionMessage("school '" + SCHOOL + "' is already registered")
                    .expectNoEvents();
        }
    }

    @Nested
    class RegisteringAPerson {

        @Test
        void anExecutiveRegistersAMemberOfStaffAtASchoolOfTheTrust() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "Ada Lovelace", Set.of(PersonRole.STAFF), SCHOOL),
                            as(EXEC))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PersonRegisteredEvent(TRUST, "p-new", Set.of(PersonRole.STAFF), SCHOOL, EXEC));
        }

        @Test
        void theNameGoesToTheDirectoryAndNeverIntoTheEvent() {
            // events are kept for ever; only the directory can forget a person when they ask to be erased
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "  Ada Lovelace ", Set.of(PersonRole.STAFF),
                            SCHOOL), as(EXEC))
                    .expectEvents(new PersonRegisteredEvent(TRUST, "p-new", Set.of(PersonRole.STAFF), SCHOOL, EXEC))
                    .expectEventsMatching(noPayloadMentions("Lovelace"));
            assertThat(directory.entries).containsExactly(Map.entry("p-new",
                    new PersonDirectory.Entry("p-new", TRUST, "Ada Lovelace")));
        }

        @Test
        void aPersonIdThatAnotherTrustHoldsIsRefusedAndLeavesTheirEntryAlone() {
            directory.record("p-elsewhere", "trust-2", "Other Trust's Person");
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-elsewhere", "Ada Lovelace", Set.of(PersonRole.STAFF),
                            SCHOOL), as(EXEC))
                    .expectNoEvents()
                    .expectException(refusedAs(CONFLICT))
                    .expectExceptionMessage("person 'p-elsewhere' is already registered");
            assertThat(directory.entries).containsExactly(Map.entry("p-elsewhere",
                    new PersonDirectory.Entry("p-elsewhere", "trust-2", "Other Trust's Person")));
        }

        @Test
        void aPersonIdDifferingOnlyInCaseFromOneAnotherTrustHoldsIsRefused() {
            directory.record("p-elsewhere", "trust-2", "Other Trust's Person");
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "P-Elsewhere", "Ada Lovelace", Set.of(PersonRole.STAFF),
                            SCHOOL), as(EXEC))
                    .expectNoEvents()
                    .expectException(refusedAs(CONFLICT))
                    .expectExceptionMessage("person 'P-Elsewhere' is already registered as 'p-elsewhere'"
                            + " (person ids are compared ignoring case)");
        }

        @Test
        void anErasedPersonsIdIsNeverGivenToAnotherTrust() {
            directory.record("p-gone", "trust-2", "Someone Erased");
            directory.erase("p-gone");
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-gone", "Ada Lovelace", Set.of(PersonRole.STAFF),
                            SCHOOL), as(EXEC))
                    .expectNoEvents()
                    .expectException(refusedAs(CONFLICT));
        }

        @Test
        void aRefusedRegistrationLeavesNoNameInTheDirectory() {
            // the directory write stands or falls with the event
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, TEACHER, "Ada Lovelace", Set.of(PersonRole.STAFF), SCHOOL),
                            as(EXEC))
                    .expectException(DomainException.class);
            assertThat(directory.entries).isEmpty();
        }

        @Test
        void accordItselfMayRegisterAPersonWithoutBeingInTheTrust() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "Ada Lovelace", Set.of(PersonRole.BOARD_MEMBER),
                            null), as(Actor.SYSTEM))
                    .expectEvents(new PersonRegisteredEvent(TRUST, "p-new", Set.of(PersonRole.BOARD_MEMBER), null,
                            Actor.SYSTEM));
        }

        @Test
        void aBoardMemberNeedsNoSchool() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "Ada Lovelace", Set.of(PersonRole.BOARD_MEMBER),
                            null), as(EXEC))
                    .expectEvents(new PersonRegisteredEvent(TRUST, "p-new", Set.of(PersonRole.BOARD_MEMBER), null,
                            EXEC));
        }

        @Test
        void onlyATrustExecutiveMayRegisterAPerson() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "Ada Lovelace", Set.of(PersonRole.STAFF), SCHOOL),
                            as(TEACHER))
                    .expectException(refusedAs(FORBIDDEN))
                    .expectExceptionMessage("only a trust executive may register a person")
                    .expectNoEvents();
        }

        @Test
        void someoneFromAnotherTrustIsToldTheTrustIsUnknown() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "Ada Lovelace", Set.of(PersonRole.STAFF), SCHOOL),
                            as(OUTSIDER))
                    .expectException(refusedAs(NOT_FOUND))
                    .expectExceptionMessage("unknown trust '" + TRUST + "'")
                    .expectNoEvents();
        }

        @Test
        void personWithBlankDisplayNameIsRefused() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "", Set.of(PersonRole.STAFF), SCHOOL), as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("displayName must not be blank")
                    .expectNoEvents();
        }

        @Test
        void personWithDisplayNameLongerThanTwoHundredCharactersIsRefused() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "A".repeat(Check.MAX_NAME_LENGTH + 1),
                            Set.of(PersonRole.STAFF), SCHOOL), as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("displayName must be at most 200 characters")
                    .expectNoEvents();
        }

        @Test
        void personWithoutRolesIsRefused() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "Ada Lovelace", Set.of(), SCHOOL), as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("roles must not be empty")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @EnumSource(value = PersonRole.class, names = {"HEADTEACHER", "STAFF"})
        void schoolRoleWithoutASchoolIsRefused(PersonRole schoolRole) {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "Ada Lovelace", Set.of(schoolRole), null),
                            as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("schoolId is required for a headteacher or member of staff")
                    .expectNoEvents();
        }

        @Test
        void schoolOfAnotherTrustIsRefused() {
            // the school may well exist, but a person of this trust cannot work there
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, "p-new", "Ada Lovelace", Set.of(PersonRole.STAFF),
                            "school-of-another-trust"), as(EXEC))
                    .expectException(refusedAs(BAD_REQUEST))
                    .expectExceptionMessage("schoolId 'school-of-another-trust' is not a school of this trust")
                    .expectNoEvents();
        }

        @Test
        void personAlreadyRegisteredIsAConflict() {
            fixture.given(establishedTrust())
                    .when(new RegisterPersonCommand(TRUST, TEACHER, "Ada Lovelace", Set.of(PersonRole.STAFF), SCHOOL),
                            as(EXEC))
                    .expectException(refusedAs(CONFLICT))
                    .expectExceptionMessage("person '" + TEACHER + "' is already registered")
                    .expectNoEvents();
        }
    }

    /** Every component of a record event shows in its toString, so a name in any of them would show there. */
    private static Matcher<List<EventMessage<?>>> noPayloadMentions(String text) {
        return Matchers.predicate(events -> events.stream()
                .noneMatch(event -> event.getPayload().toString().contains(text)));
    }

    @Nested
    class ErasingAPerson {

        private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

        @Test
        void anExecutiveErasesAPersonsDetailsAndTheRecordKeepsTheirId() {
            directory.record(TEACHER, TRUST, "Grace Hopper");
            fixture.given(establishedTrust())
                    .andGivenCurrentTime(NOW)
                    .when(new ErasePersonCommand(TRUST, TEACHER), as(EXEC))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new PersonErasedEvent(TRUST, TEACHER, EXEC, NOW));
            // the name goes; the id stays claimed by its trust, so no other trust can ever take it
            assertThat(directory.entries).containsEntry(TEACHER, new PersonDirectory.Entry(TEACHER, TRUST, null));
        }

        @Test
        void onlyAnExecutiveMayErase() {
            fixture.given(establishedTrust())
                    .when(new ErasePersonCommand(TRUST, EXEC), as(TEACHER))
                    .expectNoEvents()
                    .expectException(DomainException.class)
                    .expectExceptionMessage("only a trust executive may erase a person's details");
        }

        @Test
        void anUnknownPersonIsNotFound() {
            fixture.given(establishedTrust())
                    .when(new ErasePersonCommand(TRUST, "p-nobody"), as(EXEC))
                    .expectNoEvents()
                    .expectExceptionMessage("unknown person 'p-nobody'");
        }

        @Test
        void aPersonIsErasedOnce() {
            fixture.given(establishedTrust())
                    .andGiven(new PersonErasedEvent(TRUST, TEACHER, EXEC, NOW))
                    .when(new ErasePersonCommand(TRUST, TEACHER), as(EXEC))
                    .expectNoEvents()
                    .expectExceptionMessage("person 'p-teacher' is already erased");
        }
    }

    /** Keeps names in memory, as the erasable store would keep them in its table. */
    private static final class InMemoryPersonDirectory implements PersonDirectory {

        private final Map<String, Entry> entries = new HashMap<>();

        @Override
        public void record(String personId, String trustId, String displayName) {
            Entry existing = find(personId);
            if (existing != null) {
                throw DomainException.conflict(PersonDirectory.alreadyRegistered(personId, existing));
            }
            entries.put(personId, new Entry(personId, trustId, displayName));
        }

        @Override
        public void erase(String personId) {
            entries.computeIfPresent(personId, (id, e) -> new Entry(id, e.trustId(), null));
        }

        @Override
        public Entry find(String personId) {
            return entries.values().stream().filter(e -> e.personId().equalsIgnoreCase(personId))
                    .findFirst().orElse(null);
        }

        @Override
        public Map<String, Entry> entries(Collection<String> personIds) {
            Map<String, Entry> found = new HashMap<>();
            personIds.stream().filter(entries::containsKey).forEach(id -> found.put(id, entries.get(id)));
            return found;
        }
    }
}
