package org.accord.query.peerreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.peerreview.ActionProgress;
import org.accord.api.peerreview.FindPeerReviewQuery;
import org.accord.api.peerreview.FindPeerReviewsQuery;
import org.accord.api.peerreview.FindingKind;
import org.accord.api.peerreview.PeerReviewActionAgreedEvent;
import org.accord.api.peerreview.PeerReviewActionFollowedUpEvent;
import org.accord.api.peerreview.PeerReviewFindingAddedEvent;
import org.accord.api.peerreview.PeerReviewFindingNotedAgainstStandardEvent;
import org.accord.api.peerreview.PeerReviewFindingRaisedAsRequestEvent;
import org.accord.api.peerreview.PeerReviewPage;
import org.accord.api.peerreview.PeerReviewRecordedEvent;
import org.accord.api.peerreview.PeerReviewView;
import org.accord.api.standard.Area;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class PeerReviewProjectionTest {

    private static final String TRUST = "trust-1";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private AnnotationEventHandlerAdapter projection;
    private PeerReviewQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoReadModelStore store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
        projection = new AnnotationEventHandlerAdapter(new PeerReviewProjection(store));
        queries = new PeerReviewQueries(store);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private void apply(Object... events) throws Exception {
        for (Object event : events) {
            projection.handle(GenericEventMessage.asEventMessage(event));
        }
    }

    private static PeerReviewRecordedEvent recorded(String id, String reviewed, String by) {
        return new PeerReviewRecordedEvent(id, TRUST, reviewed, by, null, List.of(Area.SEND), LocalDate.of(2026, 2, 24),
                "p-head", T0);
    }

    @Test
    void aReviewHoldsItsFindingsActionsFollowUpsAndLinks() throws Exception {
        PeerReviewFindingAddedEvent finding = new PeerReviewFindingAddedEvent("r-1", TRUST, "f-1", Area.SEND,
                FindingKind.AREA_FOR_DEVELOPMENT, "Passports not shared.", "p-staff", T0);
        PeerReviewActionFollowedUpEvent followUp = new PeerReviewActionFollowedUpEvent("r-1", TRUST, "a-1",
                ActionProgress.COMPLETED, "Shared with all cover staff.", "p-head-b", T0.plusSeconds(60));
        apply(recorded("r-1", "school-b", "school-a"), finding, finding,
                new PeerReviewActionAgreedEvent("r-1", TRUST, "a-1", "f-1", "Share them.", LocalDate.of(2026, 4, 30),
                        "p-head-b", T0),
                followUp, followUp,
                new PeerReviewFindingRaisedAsRequestEvent("r-1", TRUST, "f-1", "req-1", "p-head-b", T0),
                new PeerReviewFindingNotedAgainstStandardEvent("r-1", TRUST, "f-1", "std-1", 2, "p-head", T0));
        PeerReviewView r = queries.handle(new FindPeerReviewQuery("r-1"));
        assertThat(r.reviewedSchoolId()).isEqualTo("school-b");
        assertThat(r.reviewingSchoolId()).isEqualTo("school-a");
        assertThat(r.findings()).as("a redelivered finding is kept once").singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("Passports not shared.");
            assertThat(f.requestId()).isEqualTo("req-1");
            assertThat(f.standards()).extracting(PeerReviewView.StandardNote::standardId).containsExactly("std-1");
        });
        assertThat(r.actions()).singleElement().satisfies(a -> {
            assertThat(a.progress()).isEqualTo(ActionProgress.COMPLETED);
            assertThat(a.followUps()).as("a redelivered follow-up is kept once").hasSize(1);
        });
    }

    @Test
    void anActionWithoutFollowUpHasNotStarted() throws Exception {
        apply(recorded("r-1", "school-b", "school-a"), new PeerReviewActionAgreedEvent("r-1", TRUST, "a-1", null,
                "Share them.", LocalDate.of(2026, 4, 30), "p-head-b", T0));
        assertThat(queries.handle(new FindPeerReviewQuery("r-1")).actions().get(0).progress())
                .isEqualTo(ActionProgress.NOT_STARTED);
    }

    @Test
    void theTrustsReviewsArePagedAndASchoolsAreThoseItReviewedOrWasReviewedIn() throws Exception {
        apply(recorded("r-1", "school-b", "school-a"), recorded("r-2", "school-c", "school-d"),
                recorded("r-3", "school-a", "school-c"),
                new PeerReviewRecordedEvent("r-4", "trust-2", "school-x", "school-y", null, List.of(Area.SEND),
                        LocalDate.of(2026, 2, 24), "p-x", T0));
        PeerReviewPage first = queries.handle(new FindPeerReviewsQuery(TRUST, null, 2, null));
        assertThat(first.peerReviews()).extracting(PeerReviewView::id).containsExactly("r-1", "r-2");
        assertThat(first.hasNextPage()).isTrue();
        PeerReviewPage second = queries.handle(new FindPeerReviewsQuery(TRUST, null, 2, first.cursors().get(1)));
        assertThat(second.peerReviews()).extracting(PeerReviewView::id).containsExactly("r-3");
        assertThat(second.hasNextPage()).isFalse();
        assertThat(queries.handle(new FindPeerReviewsQuery(TRUST, "school-a", 10, null)).peerReviews())
                .extracting(PeerReviewView::id).containsExactly("r-1", "r-3");
        assertThat(queries.handle(new FindPeerReviewsQuery(TRUST, "school-x", 10, null)).peerReviews())
                .as("another trust's school").isEmpty();
    }
}
