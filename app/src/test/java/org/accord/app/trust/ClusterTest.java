package org.accord.app.trust;

import static org.accord.api.shared.DomainException.Kind.BAD_REQUEST;
import static org.accord.api.shared.DomainException.Kind.FORBIDDEN;
import static org.accord.api.shared.DomainException.Kind.NOT_FOUND;
import static org.accord.app.support.Refusals.refusedAs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.api.trust.AddSchoolToClusterCommand;
import org.accord.api.trust.ClusterFormedEvent;
import org.accord.api.trust.ClusterLeadNamedEvent;
import org.accord.api.trust.FormClusterCommand;
import org.accord.api.trust.MoveSchoolToClusterCommand;
import org.accord.api.trust.NameClusterLeadCommand;
import org.accord.api.trust.PersonErasedEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.RemoveSchoolFromClusterCommand;
import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolLeftClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.app.person.PersonDirectory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Clusters of a trust's schools: formed, led and joined by the trust executive's decision, on dates. */
class ClusterTest {

    private static final String TRUST = "trust-1";
    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final String EXEC = "p-exec";
    private static final String HEAD = "p-head";
    private static final String OTHER_HEAD = "p-other-head";
    private static final String ERASED = "p-erased";
    private static final String OUTSIDER = "p-outsider";
    private static final String NORTH = "cluster-north";
    private static final String SOUTH = "cluster-south";
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final LocalDate SEPTEMBER = LocalDate.parse("2025-09-01");
    private static final LocalDate JANUARY = LocalDate.parse("2026-01-05");
    private static final Instant EARLIER = Instant.parse("2025-08-20T09:00:00Z");

    private FixtureConfiguration<Trust> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Trust.class);
        fixture.registerInjectableResource(new NoDirectory());
    }

    private static Object[] trust(Object... more) {
        Object[] base = {
                new TrustRegisteredEvent(TRUST, "Northern Lights Trust"),
                new SchoolRegisteredEvent(TRUST, ASH, "Ash Primary", SchoolPhase.PRIMARY, Actor.SYSTEM),
                new SchoolRegisteredEvent(TRUST, BIRCH, "Birch Academy", SchoolPhase.SECONDARY, Actor.SYSTEM),
                new PersonRegisteredEvent(TRUST, EXEC, Set.of(PersonRole.TRUST_EXECUTIVE), null, Actor.SYSTEM),
                new PersonRegisteredEvent(TRUST, HEAD, Set.of(PersonRole.HEADTEACHER), ASH, EXEC),
                new PersonRegisteredEvent(TRUST, OTHER_HEAD, Set.of(PersonRole.HEADTEACHER), BIRCH, EXEC),
                new PersonRegisteredEvent(TRUST, ERASED, Set.of(PersonRole.STAFF), BIRCH, EXEC),
                new PersonErasedEvent(TRUST, ERASED, EXEC, EARLIER)};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    private static ClusterFormedEvent north() {
        return new ClusterFormedEvent(TRUST, NORTH, "North", HEAD, SEPTEMBER, EXEC, EARLIER);
    }

    private static ClusterFormedEvent south() {
        return new ClusterFormedEvent(TRUST, SOUTH, "South", OTHER_HEAD, SEPTEMBER, EXEC, EARLIER);
    }

    private static SchoolJoinedClusterEvent ashJoinsNorth() {
        return new SchoolJoinedClusterEvent(TRUST, NORTH, ASH, SEPTEMBER, EXEC, EARLIER);
    }

    private TestExecutor<Trust> given(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(trust(events));
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

    @Nested
    class FormingACluster {

        @Test
        void theExecutiveFormsAClusterWithALeadFromADate() {
            given().when(new FormClusterCommand(TRUST, NORTH, " North ", HEAD, SEPTEMBER), as(EXEC))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ClusterFormedEvent(TRUST, NORTH, "North", HEAD, SEPTEMBER, EXEC, NOW));
        }

        @Test
        void aClusterFormedWithoutADateIsFormedToday() {
            given().when(new FormClusterCommand(TRUST, NORTH, "North", HEAD, null), as(EXEC))
                    .expectEvents(new ClusterFormedEvent(TRUST, NORTH, "North", HEAD, TODAY, EXEC, NOW));
        }

        @Test
        void onlyTheExecutiveFormsACluster() {
            expectRefusal(given().when(new FormClusterCommand(TRUST, NORTH, "North", HEAD, SEPTEMBER), as(HEAD)),
                    FORBIDDEN, "only a trust executive may form a cluster");
        }

        @Test
        void anOutsiderIsToldTheTrustIsUnknown() {
            expectRefusal(given().when(new FormClusterCommand(TRUST, NORTH, "North", HEAD, SEPTEMBER),
                    as(OUTSIDER)), NOT_FOUND, "unknown trust 'trust-1'");
        }

        @Test
        void aLeadWhoIsNotAPersonOfTheTrustIsRefused() {
            expectRefusal(given().when(new FormClusterCommand(TRUST, NORTH, "North", OUTSIDER, SEPTEMBER),
                    as(EXEC)), BAD_REQUEST, "leadId 'p-outsider' is not a person of this trust");
        }

        @Test
        void aLeadWhoseDetailsWereErasedIsRefused() {
            expectRefusal(given().when(new FormClusterCommand(TRUST, NORTH, "North", ERASED, SEPTEMBER),
                    as(EXEC)), BAD_REQUEST, "leadId 'p-erased' is a person whose details were erased");
        }

        @Test
        void aSecondClusterWithTheSameNameIsRefused() {
            expectRefusal(given(north()).when(new FormClusterCommand(TRUST, SOUTH, "north", OTHER_HEAD, SEPTEMBER),
                    as(EXEC)), BAD_REQUEST, "the trust already has a cluster named 'north'");
        }

        @Test
        void aBlankNameIsRefused() {
            expectRefusal(given().when(new FormClusterCommand(TRUST, NORTH, "  ", HEAD, SEPTEMBER), as(EXEC)),
                    BAD_REQUEST, "name must not be blank");
        }
    }

    @Nested
    class NamingALead {

        @Test
        void theExecutiveNamesANewLeadFromADate() {
            given(north()).when(new NameClusterLeadCommand(TRUST, NORTH, OTHER_HEAD, JANUARY), as(EXEC))
                    .expectEvents(new ClusterLeadNamedEvent(TRUST, NORTH, OTHER_HEAD, JANUARY, EXEC, NOW));
        }

        @Test
        void aLeadCannotTakeOverBeforeTheCurrentLeadDid() {
            expectRefusal(given(north()).when(new NameClusterLeadCommand(TRUST, NORTH, OTHER_HEAD,
                    SEPTEMBER.minusDays(1)), as(EXEC)), BAD_REQUEST,
                    "dates in the wrong order: the lead of cluster 'North' cannot change on 2025-08-31, before its"
                            + " current lead took over on 2025-09-01");
        }

        @Test
        void theCurrentLeadIsNotNamedAgain() {
            expectRefusal(given(north()).when(new NameClusterLeadCommand(TRUST, NORTH, HEAD, JANUARY), as(EXEC)),
                    BAD_REQUEST, "person 'p-head' already leads cluster 'North'");
        }

        @Test
        void anUnknownClusterIsNotFound() {
            expectRefusal(given().when(new NameClusterLeadCommand(TRUST, NORTH, HEAD, JANUARY), as(EXEC)),
                    NOT_FOUND, "unknown cluster 'cluster-north'");
        }

        @Test
        void onlyTheExecutiveNamesALead() {
            expectRefusal(given(north()).when(new NameClusterLeadCommand(TRUST, NORTH, OTHER_HEAD, JANUARY),
                    as(HEAD)), FORBIDDEN, "only a trust executive may name a cluster's lead");
        }
    }

    /** Checked after the command, when the fixture's clock is the real one again: dates from the real today. */
    @Nested
    class LeadsForAdoption {

        private final LocalDate realToday = LocalDate.now(java.time.ZoneOffset.UTC);

        @Test
        void theLeadWhoAdoptsForAClusterIsTheOneInOfficeToday() {
            ClusterLeadNamedEvent nextTerm = new ClusterLeadNamedEvent(TRUST, NORTH, OTHER_HEAD,
                    realToday.plusMonths(1), EXEC, EARLIER);
            given(north(), nextTerm).when(new AddSchoolToClusterCommand(TRUST, NORTH, ASH, TODAY), as(EXEC))
                    .expectState(trust -> org.assertj.core.api.Assertions
                            .assertThat(trust.decisionRights().cluster(NORTH).orElseThrow().leadId())
                            .isEqualTo(HEAD));
        }

        @Test
        void aClusterFormedFromALaterDateHasNoLeadYet() {
            given(new ClusterFormedEvent(TRUST, NORTH, "North", HEAD, realToday.plusDays(1), EXEC, EARLIER))
                    .when(new NameClusterLeadCommand(TRUST, NORTH, OTHER_HEAD, realToday.plusDays(2)), as(EXEC))
                    .expectState(trust -> org.assertj.core.api.Assertions
                            .assertThat(trust.decisionRights().cluster(NORTH).orElseThrow().leadId()).isNull());
        }
    }

    @Nested
    class SchoolsInClusters {

        @Test
        void aSchoolInNoClusterJoinsOneFromADate() {
            given(north()).when(new AddSchoolToClusterCommand(TRUST, NORTH, ASH, SEPTEMBER), as(EXEC))
                    .expectEvents(new SchoolJoinedClusterEvent(TRUST, NORTH, ASH, SEPTEMBER, EXEC, NOW));
        }

        @Test
        void aSchoolAlreadyInAClusterCannotJoinASecondOne() {
            expectRefusal(given(north(), south(), ashJoinsNorth())
                            .when(new AddSchoolToClusterCommand(TRUST, SOUTH, ASH, JANUARY), as(EXEC)),
                    BAD_REQUEST, "a school belongs to one cluster at a time: school 'school-ash' is already in"
                            + " cluster 'North'; move it instead");
        }

        @Test
        void aSchoolAlreadyInAClusterCannotJoinItAgain() {
            expectRefusal(given(north(), ashJoinsNorth())
                            .when(new AddSchoolToClusterCommand(TRUST, NORTH, ASH, JANUARY), as(EXEC)),
                    BAD_REQUEST, "a school belongs to one cluster at a time: school 'school-ash' is already in"
                            + " cluster 'North'; move it instead");
        }

        @Test
        void aSchoolCannotJoinAClusterBeforeItWasFormed() {
            expectRefusal(given(north()).when(new AddSchoolToClusterCommand(TRUST, NORTH, ASH,
                    SEPTEMBER.minusDays(1)), as(EXEC)), BAD_REQUEST,
                    "dates in the wrong order: cluster 'North' is formed on 2025-09-01, after 2025-08-31");
        }

        @Test
        void aSchoolMovesFromItsClusterToAnother() {
            given(north(), south(), ashJoinsNorth())
                    .when(new MoveSchoolToClusterCommand(TRUST, ASH, SOUTH, JANUARY), as(EXEC))
                    .expectEvents(new SchoolMovedClusterEvent(TRUST, ASH, NORTH, SOUTH, JANUARY, EXEC, NOW));
        }

        @Test
        void aMoveDatedBeforeTheSchoolsLastChangeIsRefused() {
            expectRefusal(given(north(), south(), new SchoolJoinedClusterEvent(TRUST, NORTH, ASH, JANUARY, EXEC,
                            EARLIER)).when(new MoveSchoolToClusterCommand(TRUST, ASH, SOUTH, SEPTEMBER), as(EXEC)),
                    BAD_REQUEST, "dates in the wrong order: school 'school-ash' cannot change cluster on 2025-09-01,"
                            + " before its last change on 2026-01-05");
        }

        @Test
        void aSchoolInNoClusterCannotBeMoved() {
            expectRefusal(given(north()).when(new MoveSchoolToClusterCommand(TRUST, ASH, NORTH, JANUARY), as(EXEC)),
                    BAD_REQUEST, "school 'school-ash' is in no cluster; add it to one instead");
        }

        @Test
        void aSchoolIsNotMovedToTheClusterItIsIn() {
            expectRefusal(given(north(), ashJoinsNorth())
                            .when(new MoveSchoolToClusterCommand(TRUST, ASH, NORTH, JANUARY), as(EXEC)),
                    BAD_REQUEST, "school 'school-ash' is already in cluster 'North'");
        }

        @Test
        void aSchoolLeavesItsClusterOnADate() {
            given(north(), ashJoinsNorth())
                    .when(new RemoveSchoolFromClusterCommand(TRUST, ASH, JANUARY), as(EXEC))
                    .expectEvents(new SchoolLeftClusterEvent(TRUST, NORTH, ASH, JANUARY, EXEC, NOW));
        }

        @Test
        void aSchoolThatLeftMayJoinAnotherClusterLater() {
            given(north(), south(), ashJoinsNorth(),
                    new SchoolLeftClusterEvent(TRUST, NORTH, ASH, JANUARY, EXEC, EARLIER))
                    .when(new AddSchoolToClusterCommand(TRUST, SOUTH, ASH, JANUARY.plusDays(7)), as(EXEC))
                    .expectEvents(new SchoolJoinedClusterEvent(TRUST, SOUTH, ASH, JANUARY.plusDays(7), EXEC, NOW));
        }

        @Test
        void aSchoolInNoClusterCannotLeaveOne() {
            expectRefusal(given(north()).when(new RemoveSchoolFromClusterCommand(TRUST, ASH, JANUARY), as(EXEC)),
                    BAD_REQUEST, "school 'school-ash' is in no cluster");
        }

        @Test
        void anUnknownSchoolIsNotFound() {
            expectRefusal(given(north()).when(new AddSchoolToClusterCommand(TRUST, NORTH, "school-x", JANUARY),
                    as(EXEC)), NOT_FOUND, "unknown school 'school-x'");
        }

        @Test
        void anUnknownClusterIsNotFound() {
            expectRefusal(given(north()).when(new MoveSchoolToClusterCommand(TRUST, ASH, "cluster-x", JANUARY),
                    as(EXEC)), NOT_FOUND, "unknown cluster 'cluster-x'");
        }

        @Test
        void onlyTheExecutiveAddsASchoolToACluster() {
            expectRefusal(given(north()).when(new AddSchoolToClusterCommand(TRUST, NORTH, ASH, JANUARY), as(HEAD)),
                    FORBIDDEN, "only a trust executive may add a school to a cluster");
        }

        @Test
        void onlyTheExecutiveMovesASchool() {
            expectRefusal(given(north(), south(), ashJoinsNorth())
                            .when(new MoveSchoolToClusterCommand(TRUST, ASH, SOUTH, JANUARY), as(HEAD)),
                    FORBIDDEN, "only a trust executive may move a school to another cluster");
        }

        @Test
        void onlyTheExecutiveRemovesASchoolFromACluster() {
            expectRefusal(given(north(), ashJoinsNorth())
                            .when(new RemoveSchoolFromClusterCommand(TRUST, ASH, JANUARY), as(HEAD)),
                    FORBIDDEN, "only a trust executive may remove a school from a cluster");
        }
    }

    /** The directory is not used by cluster commands. */
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
