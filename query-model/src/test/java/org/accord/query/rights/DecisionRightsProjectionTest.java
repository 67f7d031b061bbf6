package org.accord.query.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.accord.api.rights.DecisionLevel;
import org.accord.api.rights.DecisionRight;
import org.accord.api.rights.DecisionRightsChangedEvent;
import org.accord.api.rights.DecisionRightsView;
import org.accord.api.rights.FindDecisionRightsHistoryQuery;
import org.accord.api.rights.FindDecisionRightsQuery;
import org.accord.api.rights.FindStandardClusterQuery;
import org.accord.api.rights.FindWhoDecidesQuery;
import org.accord.api.rights.StandardVersionScopedToClusterEvent;
import org.accord.api.rights.WhoDecidesView;
import org.accord.api.standard.Area;
import org.accord.api.trust.ClusterFormedEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.trust.ClusterProjection;
import org.accord.query.trust.TrustProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class DecisionRightsProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String ASH = "school-ash";
    private static final LocalDate SEPTEMBER = LocalDate.parse("2025-09-01");
    private static final LocalDate JANUARY = LocalDate.parse("2026-01-05");
    private static final LocalDate APRIL = LocalDate.parse("2026-04-13");
    private static final Instant AUGUST = Instant.parse("2025-08-20T09:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-10T09:00:00Z");
    private static final DecisionRight SEND_BY_CLUSTER = new DecisionRight(Area.SEND, null, DecisionLevel.CLUSTER,
            "team-send", null);
    private static final DecisionRight SEQUENCING = new DecisionRight(Area.CURRICULUM, "Sequencing",
            DecisionLevel.SCHOOL, null, "within the trust's standards");
    private static final DecisionRight SEND_BY_SCHOOL = new DecisionRight(Area.SEND, null, DecisionLevel.SCHOOL,
            null, null);

    private MongoServer server;
    private MongoClient client;
    private AnnotationEventHandlerAdapter handlers;
    private DecisionRightsProjection projection;
    private DecisionRightsQueries queries;

    @BeforeEach
    void start() throws Exception {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        ReadModelStore store = new MongoReadModelStore(new MongoTemplate(client, "test"));
        projection = new DecisionRightsProjection(store);
        queries = new DecisionRightsQueries(store);
        AnnotationEventHandlerAdapter trusts = new AnnotationEventHandlerAdapter(new TrustProjection(store));
        AnnotationEventHandlerAdapter clusters = new AnnotationEventHandlerAdapter(new ClusterProjection(store));
        AnnotationEventHandlerAdapter rights = new AnnotationEventHandlerAdapter(projection);
        for (Object event : List.of(
                new TrustRegisteredEvent(TRUST, "Northern Lights Trust"),
                new SchoolRegisteredEvent(TRUST, ASH, "Ash Primary", SchoolPhase.PRIMARY, "exec"),
                new PersonRegisteredEvent(TRUST, "exec", Set.of(PersonRole.TRUST_EXECUTIVE), null, "system"),
                new PersonRegisteredEvent(TRUST, "head-ash", Set.of(PersonRole.HEADTEACHER), ASH, "exec"),
                new ClusterFormedEvent(TRUST, "north", "North", "lead-north", SEPTEMBER, "exec", AUGUST),
                new ClusterFormedEvent(TRUST, "south", "South", "lead-south", SEPTEMBER, "exec", AUGUST),
                new SchoolJoinedClusterEvent(TRUST, "north", ASH, SEPTEMBER, "exec", AUGUST),
                new SchoolMovedClusterEvent(TRUST, ASH, "north", "south", JANUARY, "exec", FEBRUARY),
                new DecisionRightsChangedEvent(TRUST, 1, List.of(SEND_BY_CLUSTER, SEQUENCING), SEPTEMBER, "why",
                        "exec", AUGUST),
                new DecisionRightsChangedEvent(TRUST, 2, List.of(SEND_BY_SCHOOL), APRIL, "why not", "exec",
                        FEBRUARY),
                new StandardVersionScopedToClusterEvent("standard-1", TRUST, 1, "north", "lead-north"))) {
            var message = GenericEventMessage.asEventMessage(event);
            for (AnnotationEventHandlerAdapter adapter : List.of(trusts, clusters, rights)) {
                if (adapter.canHandle(message)) {
                    adapter.handle(message);
                }
            }
        }
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private WhoDecidesView who(Area area, String topic, LocalDate asOf, Instant knownAt) {
        return queries.handle(new FindWhoDecidesQuery(ASH, area, topic, asOf, knownAt));
    }

    @Test
    void atClusterLevelTheLeadOfTheSchoolsClusterOnThatDateDecides() {
        assertThat(who(Area.SEND, null, SEPTEMBER, null)).satisfies(w -> {
            assertThat(w.level()).isEqualTo(DecisionLevel.CLUSTER);
            assertThat(w.mapVersion()).isEqualTo(1);
            assertThat(w.clusterId()).isEqualTo("north");
            assertThat(w.deciderIds()).containsExactly("lead-north");
            assertThat(w.right()).isEqualTo(SEND_BY_CLUSTER);
        });
        assertThat(who(Area.SEND, null, JANUARY, null).deciderIds()).containsExactly("lead-south");
        // as the record stood before the move was recorded
        assertThat(who(Area.SEND, null, JANUARY, AUGUST).deciderIds()).containsExactly("lead-north");
    }

    @Test
    void aLaterVersionOfTheMapAnswersFromItsDateOnceRecorded() {
        assertThat(who(Area.SEND, null, APRIL, null)).satisfies(w -> {
            assertThat(w.level()).isEqualTo(DecisionLevel.SCHOOL);
            assertThat(w.mapVersion()).isEqualTo(2);
            assertThat(w.deciderIds()).containsExactly("head-ash");
        });
        assertThat(who(Area.SEND, null, APRIL, AUGUST).level()).isEqualTo(DecisionLevel.CLUSTER);
    }

    @Test
    void aTopicHasItsOwnLineAndAnAreaTheMapDoesNotNameIsTheTrusts() {
        assertThat(who(Area.CURRICULUM, "sequencing", SEPTEMBER, null)).satisfies(w -> {
            assertThat(w.level()).isEqualTo(DecisionLevel.SCHOOL);
            assertThat(w.deciderIds()).containsExactly("head-ash");
        });
        assertThat(who(Area.CURRICULUM, null, SEPTEMBER, null)).satisfies(w -> {
            assertThat(w.level()).isEqualTo(DecisionLevel.TRUST);
            assertThat(w.right()).isNull();
            assertThat(w.deciderIds()).containsExactly("exec");
        });
        assertThat(who(Area.SEND, null, SEPTEMBER.minusDays(1), null).mapVersion()).isZero();
    }

    @Test
    void theMapIsAnsweredAsOfADateWithItsHistory() {
        assertThat(queries.handle(new FindDecisionRightsQuery(TRUST, JANUARY, null)).version()).isEqualTo(1);
        assertThat(queries.handle(new FindDecisionRightsQuery(TRUST, APRIL, null)).version()).isEqualTo(2);
        assertThat(queries.handle(new FindDecisionRightsQuery(TRUST, SEPTEMBER.minusDays(1), null))).isNull();
        assertThat(queries.handle(new FindDecisionRightsHistoryQuery(TRUST)))
                .extracting(DecisionRightsView::version, DecisionRightsView::rationale)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "why"),
                        org.assertj.core.groups.Tuple.tuple(2, "why not"));
        assertThat(queries.handle(new FindStandardClusterQuery("standard-1"))).isEqualTo("north");
        assertThat(queries.handle(new FindStandardClusterQuery("standard-2"))).isNull();
    }
}
