package org.accord.app.trust;

import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.trust.ChangeSchoolPhaseCommand;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolPhaseChangedEvent;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A school takes another phase from a date: only by the executive, in the order the changes take effect. */
class SchoolPhaseTest {

    private static final String TRUST = "trust-1";
    private static final String SCHOOL = "school-birch";
    private static final String EXEC = "p-exec";
    private static final String HEAD = "p-head";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate SEPTEMBER = LocalDate.of(2026, 9, 1);

    private FixtureConfiguration<Trust> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trust.class);
    }

    private static Object[] history() {
        return new Object[] {
                new TrustRegisteredEvent(TRUST, "Northern Lights Trust"),
                new PersonRegisteredEvent(TRUST, EXEC, Set.of(PersonRole.TRUST_EXECUTIVE), null, Actor.SYSTEM),
                new SchoolRegisteredEvent(TRUST, SCHOOL, "Birch Academy", SchoolPhase.SECONDARY, EXEC),
                new PersonRegisteredEvent(TRUST, HEAD, Set.of(PersonRole.HEADTEACHER), SCHOOL, EXEC)};
    }

    private static ChangeSchoolPhaseCommand change(String schoolId, SchoolPhase phase, LocalDate from) {
        return new ChangeSchoolPhaseCommand(TRUST, schoolId, phase, from, "A primary phase opens");
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    @Test
    void theExecutiveChangesASchoolsPhaseFromADate() {
        fixture.givenCurrentTime(NOW).andGiven(history())
                .when(change(SCHOOL, SchoolPhase.ALL_THROUGH, SEPTEMBER), as(EXEC))
                .expectEvents(new SchoolPhaseChangedEvent(TRUST, SCHOOL, SchoolPhase.ALL_THROUGH,
                        SchoolPhase.SECONDARY, SEPTEMBER, "A primary phase opens", EXEC, NOW));
    }

    @Test
    void aHeadteacherMayNotChangeTheirSchoolsPhase() {
        refused(fixture.givenCurrentTime(NOW).andGiven(history())
                .when(change(SCHOOL, SchoolPhase.ALL_THROUGH, SEPTEMBER), as(HEAD)), FORBIDDEN,
                "only a trust executive may change a school's phase");
    }

    @Test
    void anUnknownSchoolIsNotFound() {
        refused(fixture.givenCurrentTime(NOW).andGiven(history())
                .when(change("school-nowhere", SchoolPhase.ALL_THROUGH, SEPTEMBER), as(EXEC)), NOT_FOUND,
                "unknown school 'school-nowhere'");
    }

    @Test
    void aChangeToThePhaseTheSchoolHasIsRefused() {
        refused(fixture.givenCurrentTime(NOW).andGiven(history())
                .when(change(SCHOOL, SchoolPhase.SECONDARY, SEPTEMBER), as(EXEC)), BAD_REQUEST,
                "the school is already SECONDARY");
    }

    @Test
    void aChangeWithoutADateIsRefused() {
        refused(fixture.givenCurrentTime(NOW).andGiven(history())
                .when(change(SCHOOL, SchoolPhase.ALL_THROUGH, null), as(EXEC)), BAD_REQUEST, "effectiveFrom");
    }

    @Test
    void aChangeDatedBeforeTheSchoolsLastChangeIsRefused() {
        Object[] given = history();
        fixture.givenCurrentTime(NOW).andGiven(given)
                .andGiven(new SchoolPhaseChangedEvent(TRUST, SCHOOL, SchoolPhase.ALL_THROUGH, SchoolPhase.SECONDARY,
                        SEPTEMBER, null, EXEC, NOW))
                .when(change(SCHOOL, SchoolPhase.SECONDARY, SEPTEMBER.minusDays(1)), as(EXEC))
                .expectException(DomainException.class)
                .expectExceptionMessage(Matchers.containsString("effectiveFrom (2026-08-31) must be after the"
                        + " school's last phase change (2026-09-01)"))
                .expectNoEvents();
    }

    private static void refused(ResultValidator<Trust> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
                .expectException(new org.hamcrest.TypeSafeMatcher<DomainException>() {
                    @Override
                    protected boolean matchesSafely(DomainException e) {
                        return e.kind() == kind;
                    }

                    @Override
                    public void describeTo(org.hamcrest.Description description) {
                        description.appendText("refused as " + kind);
                    }
                })
                .expectExceptionMessage(Matchers.containsString(message))
                .expectNoEvents();
    }
}
