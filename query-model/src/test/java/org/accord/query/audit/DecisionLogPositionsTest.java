package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accord.api.audit.DecisionLogPage;
import org.accord.api.audit.DecisionRecordView;
import org.accord.api.audit.FindDecisionLogQuery;
import org.accord.api.shared.RecordPosition;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The log numbers its records with the positions the store gave the events, so an event that never reaches it (kept
 * out of the read models) leaves a gap, and every record after it keeps its number; without positions it counts.
 */
class DecisionLogPositionsTest {

    private static final String TRUST = "trust-1";

    private MongoServer server;
    private MongoClient client;
    private ReadModelStore store;
    private DecisionLogProjection projection;
    private DecisionLogQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
        projection = new DecisionLogProjection(store, new DecisionFeed());
        queries = new DecisionLogQueries(store);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void anEventKeptOutOfTheLogLeavesAGapAndTheRecordsAfterItKeepTheirPositions() {
        project(new TrustRegisteredEvent(TRUST, "Trust One"), 0, "1");
        project(school(1), 1, "2");
        // position 3 was kept out: a forgery the projections never saw
        project(school(3), 3, "4");
        project(school(4), 4, "5");

        DecisionLogPage page = queries.handle(new FindDecisionLogQuery(TRUST, null, 10, null));
        assertThat(page.records()).extracting(DecisionRecordView::position).containsExactly(1L, 2L, 4L, 5L);
        DecisionLogPage after = queries.handle(new FindDecisionLogQuery(TRUST, null, 10, page.cursors().get(1)));
        assertThat(after.records()).extracting(DecisionRecordView::position).containsExactly(4L, 5L);
    }

    @Test
    void aGapThatSpansAWholeBucketDoesNotEndTheLog() {
        project(new TrustRegisteredEvent(TRUST, "Trust One"), 0, "1");
        project(school(250), 250, "250");

        DecisionLogPage page = queries.handle(new FindDecisionLogQuery(TRUST, null, 10, null));
        assertThat(page.records()).extracting(DecisionRecordView::position).containsExactly(1L, 250L);
    }

    @Test
    void newestFirstPagesBackwardsOverGapsWithTheSameCursors() {
        project(new TrustRegisteredEvent(TRUST, "Trust One"), 0, "1");
        project(school(1), 1, "2");
        project(school(3), 3, "4");
        project(school(4), 4, "5");
        project(school(250), 250, "250");

        DecisionLogPage first = queries.handle(new FindDecisionLogQuery(TRUST, null, 2, null, true));
        assertThat(first.records()).extracting(DecisionRecordView::position).containsExactly(250L, 5L);
        assertThat(first.hasNextPage()).isTrue();
        DecisionLogPage rest = queries.handle(new FindDecisionLogQuery(TRUST, null, 10, first.cursors().get(1), true));
        assertThat(rest.records()).extracting(DecisionRecordView::position).containsExactly(4L, 2L, 1L);
        assertThat(rest.hasNextPage()).isFalse();
        // a cursor names the same record in both orders
        DecisionLogPage older = queries.handle(new FindDecisionLogQuery(TRUST, null, 10, null));
        assertThat(older.cursors().get(3)).isEqualTo(first.cursors().get(1));
    }

    @Test
    void eventsWithoutAPositionAreCounted() {
        project(new TrustRegisteredEvent(TRUST, "Trust One"), 0, null);
        project(school(1), 1, null);

        assertThat(queries.handle(new FindDecisionLogQuery(TRUST, null, 10, null)).records())
                .extracting(DecisionRecordView::position).containsExactly(1L, 2L);
    }

    private void project(Object payload, long global, String position) {
        EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
        if (position != null) {
            event = event.andMetaData(Map.of(RecordPosition.METADATA_KEY, position));
        }
        projection.on(event.getPayload(), event, new GlobalSequenceTrackingToken(global), ReplayStatus.REGULAR);
    }

    private static SchoolRegisteredEvent school(int n) {
        return new SchoolRegisteredEvent(TRUST, "school-" + n, "School " + n, SchoolPhase.PRIMARY, "person-1");
    }
}
