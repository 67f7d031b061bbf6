package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.accord.api.audit.DecisionRecordView;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** A rebuild replays the log: the reset clears its redelivery guard, and live subscribers get no second copy. */
class DecisionLogReplayTest {

    private static final String TRUST = "trust-1";

    private MongoServer server;
    private MongoClient client;
    private ReadModelStore store;
    private DecisionFeed feed;
    private DecisionLogProjection projection;
    private final List<DecisionRecordView> published = new CopyOnWriteArrayList<>();
    private Disposable subscription;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
        feed = new DecisionFeed();
        projection = new DecisionLogProjection(store, feed);
        subscription = feed.records(TRUST).subscribe(published::add);
    }

    @AfterEach
    void stop() {
        subscription.dispose();
        client.close();
        server.shutdownNow();
    }

    /**
     * Through Axon's own handler invocation, as the processor calls it: a replayed event reaches the handler with its
     * token unwrapped (so the token cannot tell a replay) and the replay status that can.
     */
    @Test
    void aReplayAfterAResetRewritesTheLogWithoutPublishingItAgain() throws Exception {
        var handler = new AnnotationEventHandlerAdapter(projection);
        EventMessage<?> trust = GenericEventMessage.asEventMessage(new TrustRegisteredEvent(TRUST, "Trust One"));
        EventMessage<?> school = GenericEventMessage.asEventMessage(
                new SchoolRegisteredEvent(TRUST, "school-1", "Ash Primary", SchoolPhase.PRIMARY, "person-1"));
        handler.handle(tracked(trust, new GlobalSequenceTrackingToken(0)));
        handler.handle(tracked(school, new GlobalSequenceTrackingToken(1)));
        assertThat(published).hasSize(2);

        handler.prepareReset();
        assertThat(store.findById(DecisionLogHeadDocument.class, TRUST)).isNull();

        TrackingToken atReset = new GlobalSequenceTrackingToken(1);
        TrackingToken replaying = ReplayToken.createReplayToken(atReset);
        replaying = ((ReplayToken) replaying).advancedTo(new GlobalSequenceTrackingToken(0));
        assertThat(ReplayToken.isReplay(replaying)).isTrue();
        handler.handle(tracked(trust, replaying));
        replaying = ((ReplayToken) replaying).advancedTo(new GlobalSequenceTrackingToken(1));
        handler.handle(tracked(school, replaying));

        DecisionLogHeadDocument head = store.findById(DecisionLogHeadDocument.class, TRUST);
        assertThat(head.count()).isEqualTo(2);
        assertThat(head.lastGlobalIndex()).isEqualTo(1);
        assertThat(published).as("nothing published again during the replay").hasSize(2);

        EventMessage<?> next = GenericEventMessage.asEventMessage(
                new SchoolRegisteredEvent(TRUST, "school-2", "Birch Academy", SchoolPhase.SECONDARY, "person-1"));
        handler.handle(tracked(next, new GlobalSequenceTrackingToken(2)));
        assertThat(published).hasSize(3);
        assertThat(published.get(2).position()).isEqualTo(3);
    }

    private static TrackedEventMessage<?> tracked(EventMessage<?> event, TrackingToken token) {
        return new GenericTrackedEventMessage<>(token, event);
    }
}
