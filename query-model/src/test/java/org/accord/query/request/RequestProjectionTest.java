package org.accord.query.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.accord.api.proposal.ProposalAdoptedEvent;
import org.accord.api.request.FindRequestOfProposalQuery;
import org.accord.api.request.FindRequestQuery;
import org.accord.api.request.FindRequestsQuery;
import org.accord.api.request.RequestDeclinedEvent;
import org.accord.api.request.RequestPage;
import org.accord.api.request.RequestRaisedEvent;
import org.accord.api.request.RequestStatus;
import org.accord.api.request.RequestSupportView;
import org.accord.api.request.RequestSupportedEvent;
import org.accord.api.request.RequestTakenUpEvent;
import org.accord.api.request.RequestView;
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

class RequestProjectionTest {

    private static final String TRUST = "trust-1";
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private AnnotationEventHandlerAdapter projection;
    private RequestQueries queries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        MongoReadModelStore store = new MongoReadModelStore(ReadModelMongo.template(client, "test"));
        projection = new AnnotationEventHandlerAdapter(new RequestProjection(store));
        queries = new RequestQueries(store);
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

    private static RequestRaisedEvent raised(String requestId, String title) {
        return new RequestRaisedEvent(requestId, TRUST, "school-1", Area.SEND, title, "We each do it differently.",
                List.of("team-sendcos"), false, "p-head", T0);
    }

    @Test
    void aRaisedRequestIsOpenWithItsRouteAndReason() throws Exception {
        apply(raised("r-1", "SEND adaptive teaching"));
        RequestView r = queries.handle(new FindRequestQuery("r-1"));
        assertThat(r.status()).isEqualTo(RequestStatus.OPEN);
        assertThat(r.routedTeamIds()).containsExactly("team-sendcos");
        assertThat(r.routedToExecutive()).isFalse();
        assertThat(r.reason()).isEqualTo("We each do it differently.");
        assertThat(r.raisedBy()).isEqualTo("p-head");
    }

    @Test
    void supportsAreListedAndARedeliveredSupportCountsOnce() throws Exception {
        RequestSupportedEvent support = new RequestSupportedEvent("r-1", TRUST, "school-2", "Us too", "p-2", T0);
        apply(raised("r-1", "SEND"), support, support);
        assertThat(queries.handle(new FindRequestQuery("r-1")).supports())
                .containsExactly(new RequestSupportView("p-2", "school-2", "Us too", T0));
    }

    @Test
    void aTakenUpRequestLinksToItsProposalAndBecomesAStandardWhenTheProposalIsAdopted() throws Exception {
        apply(raised("r-1", "SEND"), new RequestTakenUpEvent("r-1", TRUST, "team-sendcos", "prop-1", "p-sendco", T0));
        assertThat(queries.handle(new FindRequestQuery("r-1")).status()).isEqualTo(RequestStatus.TAKEN_UP);
        assertThat(queries.handle(new FindRequestOfProposalQuery("prop-1")).id()).isEqualTo("r-1");

        apply(new ProposalAdoptedEvent("prop-1", TRUST, "team-sendcos", "std-1", 1, "p-exec", T0));
        RequestView r = queries.handle(new FindRequestQuery("r-1"));
        assertThat(r.status()).isEqualTo(RequestStatus.BECAME_STANDARD);
        assertThat(r.standardId()).isEqualTo("std-1");
        assertThat(r.proposalId()).isEqualTo("prop-1");
    }

    @Test
    void theAdoptionOfAProposalNotDraftedFromARequestChangesNoRequest() throws Exception {
        apply(raised("r-1", "SEND"), new ProposalAdoptedEvent("prop-9", TRUST, "t", "std-9", 1, "p-exec", T0));
        assertThat(queries.handle(new FindRequestQuery("r-1")).status()).isEqualTo(RequestStatus.OPEN);
        assertThat(queries.handle(new FindRequestOfProposalQuery("prop-9"))).isNull();
    }

    @Test
    void aDeclinedRequestKeepsTheReasonAndWhoDeclined() throws Exception {
        apply(raised("r-1", "SEND"), new RequestDeclinedEvent("r-1", TRUST, "Covered already", "p-sendco", T0));
        RequestView r = queries.handle(new FindRequestQuery("r-1"));
        assertThat(r.status()).isEqualTo(RequestStatus.DECLINED);
        assertThat(r.declineReason()).isEqualTo("Covered already");
        assertThat(r.decidedBy()).isEqualTo("p-sendco");
    }

    @Test
    void aTrustsRequestsArePagedOldestFirstAndByStatus() throws Exception {
        apply(raised("r-1", "one"), raised("r-2", "two"), raised("r-3", "three"), raised("r-1", "one"),
                new RequestDeclinedEvent("r-2", TRUST, "No", "p-sendco", T0));
        RequestPage first = queries.handle(new FindRequestsQuery(TRUST, null, 2, null));
        assertThat(first.requests()).extracting(RequestView::id).containsExactly("r-1", "r-2");
        assertThat(first.hasNextPage()).isTrue();
        RequestPage next = queries.handle(new FindRequestsQuery(TRUST, null, 2, first.cursors().get(1)));
        assertThat(next.requests()).extracting(RequestView::id).containsExactly("r-3");
        assertThat(next.hasNextPage()).isFalse();
        assertThat(queries.handle(new FindRequestsQuery(TRUST, RequestStatus.DECLINED, 10, null)).requests())
                .extracting(RequestView::id).containsExactly("r-2");
        assertThat(queries.handle(new FindRequestsQuery("trust-2", null, 10, null)).requests()).isEmpty();
    }
}
