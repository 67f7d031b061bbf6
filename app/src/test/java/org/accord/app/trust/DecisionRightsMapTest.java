package org.accord.app.trust;

import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;
import static org.accord.app.support.Refusals.refusedAs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.accord.api.rights.ChangeDecisionRightsCommand;
import org.accord.api.rights.DecisionLevel;
import org.accord.api.rights.DecisionRight;
import org.accord.api.rights.DecisionRightsChangedEvent;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.standard.Area;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.person.PersonDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The trust's decision-rights map: versions set whole by the trust executive, with a rationale, in date order. */
class DecisionRightsMapTest {

    private static final String TRUST = "trust-1";
    private static final String EXEC = "p-exec";
    private static final String HEAD = "p-head";
    private static final String OUTSIDER = "p-outsider";
    private static final String TEAM = "team-send";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final LocalDate SEPTEMBER = LocalDate.parse("2026-09-01");
    private static final String WHY = "Heads asked who decides what";

    private static final DecisionRight SAFEGUARDING = new DecisionRight(Area.SAFEGUARDING, null, DecisionLevel.TRUST,
            null, "non-negotiable");
    private static final DecisionRight SEND = new DecisionRight(Area.SEND, null, DecisionLevel.CLUSTER, TEAM, null);
    private static final DecisionRight SEQUENCING = new DecisionRight(Area.CURRICULUM, "sequencing",
            DecisionLevel.SCHOOL, null, null);

    private FixtureConfiguration<Trust> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trust.class);
        fixture.registerInjectableResource(new NoDirectory());
        fixture.registerInjectableResource((TrustTeams) teamId -> Optional.ofNullable(switch (teamId) {
            case TEAM -> TRUST;
            case "team-elsewhere" -> "trust-2";
            default -> null;
        }));
    }

    private TestExecutor<Trust> given(Object... more) {
        return fixture.givenCurrentTime(NOW).andGiven(List.of(
                new TrustRegisteredEvent(TRUST, "Northern Lights Trust"),
                new SchoolRegisteredEvent(TRUST, "school-ash", "Ash Primary", SchoolPhase.PRIMARY, Actor.SYSTEM),
                new PersonRegisteredEvent(TRUST, EXEC, Set.of(PersonRole.TRUST_EXECUTIVE), null, Actor.SYSTEM),
                new PersonRegisteredEvent(TRUST, HEAD, Set.of(PersonRole.HEADTEACHER), "school-ash", EXEC)))
                .andGiven(List.of(more));
    }

    private static DecisionRightsChangedEvent version1() {
        return new DecisionRightsChangedEvent(TRUST, 1, List.of(SAFEGUARDING, SEND), TODAY, WHY, EXEC,
                Instant.parse("2026-02-01T09:00:00Z"));
    }

    private static Map<String, String> as(String actorId) {
        return Map.of(Actor.METADATA_KEY, actorId);
    }

    private static void expectRefusal(ResultValidator<Trust> result, DomainException.Kind kind, String message) {
        result.expectException(DomainException.class)
                .expectException(refusedAs(kind))
                .expectExceptionMessage(message)
                .expectNoEvents();
    }

    @Test
    void theExecutiveSetsTheFirstVersionOfTheMapWithARationale() {
        given().when(new ChangeDecisionRightsCommand(TRUST, List.of(SAFEGUARDING, SEND, SEQUENCING), null, WHY),
                        as(EXEC))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload("1")
                .expectEvents(new DecisionRightsChangedEvent(TRUST, 1, List.of(SAFEGUARDING, SEND, SEQUENCING),
                        TODAY, WHY, EXEC, NOW));
    }

    @Test
    void theNextVersionReplacesTheWholeMapFromItsDate() {
        DecisionRight sendAtTrust = new DecisionRight(Area.SEND, null, DecisionLevel.TRUST, TEAM, null);
        given(version1()).when(new ChangeDecisionRightsCommand(TRUST, List.of(SAFEGUARDING, sendAtTrust), SEPTEMBER,
                        "One SEND practice for the trust"), as(EXEC))
                .expectResultMessagePayload("2")
                .expectEvents(new DecisionRightsChangedEvent(TRUST, 2, List.of(SAFEGUARDING, sendAtTrust), SEPTEMBER,
                        "One SEND practice for the trust", EXEC, NOW));
    }

    @Test
    void onlyTheExecutiveChangesTheMap() {
        expectRefusal(given().when(new ChangeDecisionRightsCommand(TRUST, List.of(SEND), null, WHY), as(HEAD)),
                FORBIDDEN, "only a trust executive may change the decision-rights map");
    }

    @Test
    void anOutsiderIsToldTheTrustIsUnknown() {
        expectRefusal(given().when(new ChangeDecisionRightsCommand(TRUST, List.of(SEND), null, WHY), as(OUTSIDER)),
                NOT_FOUND, "unknown trust 'trust-1'");
    }

    @Test
    void aChangeWithoutARationaleIsRefused() {
        expectRefusal(given().when(new ChangeDecisionRightsCommand(TRUST, List.of(SEND), null, "  "), as(EXEC)),
                BAD_REQUEST, "rationale must not be blank: say why the decision-rights map changes");
    }

    @Test
    void aVersionDatedBeforeTheCurrentOneIsRefused() {
        expectRefusal(given(version1()).when(new ChangeDecisionRightsCommand(TRUST, List.of(SEND),
                        TODAY.minusDays(1), WHY), as(EXEC)), BAD_REQUEST,
                "dates in the wrong order: version 2 of the decision-rights map cannot take effect on 2026-03-01,"
                        + " before version 1 took effect on 2026-03-02");
    }

    @Test
    void anAreaNamedTwiceIsRefused() {
        expectRefusal(given().when(new ChangeDecisionRightsCommand(TRUST, List.of(SEND,
                        new DecisionRight(Area.SEND, null, DecisionLevel.SCHOOL, null, null)), null, WHY), as(EXEC)),
                BAD_REQUEST, "the map names SEND twice: each area, and each topic of an area, is decided at one level");
    }

    @Test
    void aTopicOfAnAreaMayBeDecidedAtAnotherLevelThanTheArea() {
        DecisionRight curriculum = new DecisionRight(Area.CURRICULUM, null, DecisionLevel.TRUST, null, null);
        given().when(new ChangeDecisionRightsCommand(TRUST, List.of(curriculum, SEQUENCING), null, WHY), as(EXEC))
                .expectEvents(new DecisionRightsChangedEvent(TRUST, 1, List.of(curriculum, SEQUENCING), TODAY, WHY,
                        EXEC, NOW));
    }

    @Test
    void aTeamOfAnotherTrustIsRefused() {
        expectRefusal(given().when(new ChangeDecisionRightsCommand(TRUST, List.of(new DecisionRight(Area.SEND, null,
                        DecisionLevel.CLUSTER, "team-elsewhere", null)), null, WHY), as(EXEC)),
                BAD_REQUEST, "teamId 'team-elsewhere' is not a team of this trust");
    }

    @Test
    void aTeamCannotLeadWhatEachSchoolDecides() {
        expectRefusal(given().when(new ChangeDecisionRightsCommand(TRUST, List.of(new DecisionRight(Area.BEHAVIOUR,
                        null, DecisionLevel.SCHOOL, TEAM, null)), null, WHY), as(EXEC)),
                BAD_REQUEST, "BEHAVIOUR is decided by each school: it is led by the headteachers, not by a team");
    }

    @Test
    void anEmptyMapIsRefused() {
        expectRefusal(given().when(new ChangeDecisionRightsCommand(TRUST, List.of(), null, WHY), as(EXEC)),
                BAD_REQUEST, "rights must not be empty");
    }

    @Test
    void aLineWithoutALevelIsRefused() {
        expectRefusal(given().when(new ChangeDecisionRightsCommand(TRUST, List.of(new DecisionRight(Area.SEND, null,
                        null, null, null)), null, WHY), as(EXEC)),
                BAD_REQUEST, "level is required");
    }

    /** The directory is not used by the map's commands. */
    private static final class NoDirectory implements PersonDirectory {

        @Override
        public void record(String personId, String trustId, String displayName) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void erase(String personId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Entry find(String personId) {
            return null;
        }

        @Override
        public Map<String, Entry> entries(Collection<String> personIds) {
            return Map.of();
        }
    }
}
