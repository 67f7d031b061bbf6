package org.accord.query.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.trust.ClusterFormedEvent;
import org.accord.api.trust.ClusterLeadNamedEvent;
import org.accord.api.trust.ClusterLeadView;
import org.accord.api.trust.ClusterMembershipView;
import org.accord.api.trust.ClusterView;
import org.accord.api.trust.FindClusterMembershipsQuery;
import org.accord.api.trust.FindClusterSchoolsQuery;
import org.accord.api.trust.FindClustersQuery;
import org.accord.api.trust.FindSchoolClusterQuery;
import org.accord.api.trust.FindTrustClustersQuery;
import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolLeftClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class ClusterProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final LocalDate SEPTEMBER = LocalDate.parse("2025-09-01");
    private static final LocalDate JANUARY = LocalDate.parse("2026-01-05");
    private static final LocalDate APRIL = LocalDate.parse("2026-04-13");
    private static final Instant AUGUST = Instant.parse("2025-08-20T09:00:00Z");
    private static final Instant FEBRUARY = Instant.parse("2026-02-10T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private TrustProjection trusts;
    private ClusterProjection projection;
    private ClusterQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        ReadModelStore store = new MongoReadModelStore(new MongoTemplate(client, "test"));
        trusts = new TrustProjection(store);
        projection = new ClusterProjection(store);
        queries = new ClusterQueries(store);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void history() {
        trusts.on(new TrustRegisteredEvent(TRUST, "Northern Lights Trust"));
        trusts.on(new SchoolRegisteredEvent(TRUST, ASH, "Ash Primary", SchoolPhase.PRIMARY, "exec"));
        trusts.on(new SchoolRegisteredEvent(TRUST, BIRCH, "Birch Academy", SchoolPhase.SECONDARY, "exec"));
        projection.on(new ClusterFormedEvent(TRUST, "north", "North", "head-ash", SEPTEMBER, "exec", AUGUST));
        projection.on(new ClusterFormedEvent(TRUST, "south", "South", "head-birch", SEPTEMBER, "exec", AUGUST));
        projection.on(new SchoolJoinedClusterEvent(TRUST, "north", ASH, SEPTEMBER, "exec", AUGUST));
        projection.on(new SchoolJoinedClusterEvent(TRUST, "north", BIRCH, SEPTEMBER, "exec", AUGUST));
        projection.on(new ClusterLeadNamedEvent(TRUST, "north", "head-birch", JANUARY, "exec", FEBRUARY));
        projection.on(new SchoolMovedClusterEvent(TRUST, ASH, "north", "south", JANUARY, "exec", FEBRUARY));
        projection.on(new SchoolLeftClusterEvent(TRUST, "north", BIRCH, APRIL, "exec", FEBRUARY));
    }

    @Test
    void theTrustListsItsClustersInTheOrderFormedWithEveryLead() {
        history();
        List<ClusterView> clusters = queries.handle(new FindTrustClustersQuery(TRUST));
        assertThat(clusters).extracting(ClusterView::name).containsExactly("North", "South");
        ClusterView north = clusters.get(0);
        assertThat(north.formedOn()).isEqualTo(SEPTEMBER);
        assertThat(north.leads()).containsExactly(
                new ClusterLeadView("head-ash", SEPTEMBER, AUGUST, "exec"),
                new ClusterLeadView("head-birch", JANUARY, FEBRUARY, "exec"));
        assertThat(north.leadOn(JANUARY.minusDays(1), null)).isEqualTo("head-ash");
        assertThat(north.leadOn(JANUARY, null)).isEqualTo("head-birch");
        assertThat(north.leadOn(JANUARY, AUGUST)).isEqualTo("head-ash");
        assertThat(north.leadOn(SEPTEMBER.minusDays(1), null)).isNull();
        assertThat(queries.handle(new FindClustersQuery(List.of("south", "unknown"))))
                .extracting(ClusterView::id).containsExactly("south");
    }

    @Test
    void aClustersSchoolsAndASchoolsClusterAreAnsweredOnBothTimeAxes() {
        history();
        assertThat(queries.handle(new FindClusterSchoolsQuery("north", SEPTEMBER, null))).containsExactly(ASH, BIRCH);
        assertThat(queries.handle(new FindClusterSchoolsQuery("north", JANUARY, null))).containsExactly(BIRCH);
        assertThat(queries.handle(new FindClusterSchoolsQuery("north", JANUARY, AUGUST))).containsExactly(ASH, BIRCH);
        assertThat(queries.handle(new FindClusterSchoolsQuery("north", APRIL, null))).isEmpty();
        assertThat(queries.handle(new FindSchoolClusterQuery(ASH, JANUARY, null)).id()).isEqualTo("south");
        assertThat(queries.handle(new FindSchoolClusterQuery(ASH, JANUARY, AUGUST)).id()).isEqualTo("north");
        assertThat(queries.handle(new FindSchoolClusterQuery(BIRCH, APRIL, null))).isNull();
        assertThat(queries.handle(new FindSchoolClusterQuery("school-unknown", APRIL, null))).isNull();
        assertThat(queries.handle(new FindClusterMembershipsQuery(TRUST))).containsExactly(
                new ClusterMembershipView(ASH, "north", SEPTEMBER, AUGUST, "exec"),
                new ClusterMembershipView(BIRCH, "north", SEPTEMBER, AUGUST, "exec"),
                new ClusterMembershipView(ASH, "south", JANUARY, FEBRUARY, "exec"),
                new ClusterMembershipView(BIRCH, null, APRIL, FEBRUARY, "exec"));
    }

    @Test
    void aRedeliveredHistoryChangesNothing() {
        history();
        List<ClusterMembershipView> once = queries.handle(new FindClusterMembershipsQuery(TRUST));
        List<ClusterView> clustersOnce = queries.handle(new FindTrustClustersQuery(TRUST));
        history();
        assertThat(queries.handle(new FindClusterMembershipsQuery(TRUST))).isEqualTo(once);
        assertThat(queries.handle(new FindTrustClustersQuery(TRUST))).isEqualTo(clustersOnce);
    }

    @Test
    void aResetForgetsEveryCluster() {
        history();
        projection.forgetEverything();
        assertThat(queries.handle(new FindTrustClustersQuery(TRUST))).isEmpty();
        assertThat(queries.handle(new FindClusterMembershipsQuery(TRUST))).isEmpty();
    }
}
