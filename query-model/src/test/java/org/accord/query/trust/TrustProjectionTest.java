package org.accord.query.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.TeamFormedEvent;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindSchoolsQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.SchoolView;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.api.trust.TrustView;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.team.TeamProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

class TrustProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String ASH = "school-ash";
    private static final String BIRCH = "school-birch";
    private static final String EXECUTIVE = "person-exec";
    private static final String HEAD = "person-head";
    private static final String TEACHER = "person-teacher";
    private static final String ADMIN = "person-admin";

    private static final List<Object> TRUST_EVENTS = List.of(
            new TrustRegisteredEvent(TRUST, "Northern Lights Trust"),
            new SchoolRegisteredEvent(TRUST, ASH, "Ash Primary", SchoolPhase.PRIMARY, ADMIN),
            new SchoolRegisteredEvent(TRUST, BIRCH, "Birch Academy", SchoolPhase.SECONDARY, ADMIN),
            new PersonRegisteredEvent(TRUST, EXECUTIVE, Set.of(PersonRole.TRUST_EXECUTIVE, PersonRole.BOARD_MEMBER),
                    null, ADMIN),
            new PersonRegisteredEvent(TRUST, HEAD, Set.of(PersonRole.HEADTEACHER), BIRCH, ADMIN),
            new PersonRegisteredEvent(TRUST, TEACHER, Set.of(PersonRole.STAFF), ASH, ADMIN));

    private MongoServer server;
    private MongoClient client;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aRegisteredTrustIsFoundWithItsSchoolsAndPeopleInTheOrderAskedLeavingOutUnknownIds() {
        ReadModel model = readModel("test");
        TRUST_EVENTS.forEach(model::apply);

        assertThat(model.queries.handle(new FindTrustQuery(TRUST)))
                .isEqualTo(new TrustView(TRUST, "Northern Lights Trust", List.of(ASH, BIRCH), List.of(), List.of()));
        assertThat(model.queries.handle(new FindTrustQuery("trust-unknown"))).isNull();

        assertThat(model.queries.handle(new FindSchoolsQuery(List.of(BIRCH, "school-unknown", ASH))))
                .containsExactly(
                        new SchoolView(BIRCH, TRUST, "Birch Academy", SchoolPhase.SECONDARY),
                        new SchoolView(ASH, TRUST, "Ash Primary", SchoolPhase.PRIMARY));

        assertThat(model.queries.handle(new FindPeopleQuery(List.of(TEACHER, "person-unknown", EXECUTIVE, HEAD))))
                .containsExactly(
                        new PersonView(TEACHER, TRUST, Set.of(PersonRole.STAFF), ASH, List.of()),
                        new PersonView(EXECUTIVE, TRUST, Set.of(PersonRole.TRUST_EXECUTIVE, PersonRole.BOARD_MEMBER),
                                null, List.of()),
                        new PersonView(HEAD, TRUST, Set.of(PersonRole.HEADTEACHER), BIRCH, List.of()));
    }

    @Test
    void aTrustThatSoFarOnlyHasATeamIsNotFoundUntilItIsRegistered() {
        ReadModel model = readModel("test");
        // the team projection is its own processor and can run ahead of this one
        model.applyToTeams(new TeamFormedEvent("team-1", TRUST, "Safeguarding group", List.of(Area.SAFEGUARDING),
                HEAD, List.of(HEAD), new DecisionRule(DecisionMode.CONSENT, 0.5, 0.5, 48), EXECUTIVE));

        assertThat(model.queries.handle(new FindTrustQuery(TRUST))).isNull();

        model.apply(new TrustRegisteredEvent(TRUST, "Northern Lights Trust"));

        assertThat(model.queries.handle(new FindTrustQuery(TRUST)))
                .isEqualTo(new TrustView(TRUST, "Northern Lights Trust", List.of(), List.of("team-1"), List.of()));
    }

    @Test
    void redeliveringTheEventsAgainFromAnyPointLeavesEveryDocumentExactlyAsItWas() {
        // k = 0 is a replay of the whole stream; later k are what a crash before the token was stored redelivers
        for (int k = 0; k < TRUST_EVENTS.size(); k++) {
            ReadModel model = readModel("redelivery-" + k);
            TRUST_EVENTS.forEach(model::apply);
            Map<String, List<Document>> before = model.rawDocuments();
            assertThat(before.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());

            TRUST_EVENTS.subList(k, TRUST_EVENTS.size()).forEach(model::apply);

            assertThat(model.rawDocuments()).as("redelivered from event %d", k).isEqualTo(before);
            assertThat(model.queries.handle(new FindTrustQuery(TRUST)).schoolIds())
                    .as("redelivered from event %d", k)
                    .containsExactly(ASH, BIRCH);
        }
    }

    private ReadModel readModel(String database) {
        return new ReadModel(new MongoTemplate(client, database));
    }

    /** One database with the projections and queries over it, written to the way the processors would. */
    private static final class ReadModel {

        private final MongoTemplate mongo;
        private final TrustProjection projection;
        private final TrustQueries queries;
        // TeamProjection's handlers are package-private to another package, so they are reached through Axon's adapter
        private final AnnotationEventHandlerAdapter teams;

        ReadModel(MongoTemplate mongo) {
            this.mongo = mongo;
            ReadModelStore store = new MongoReadModelStore(mongo);
            this.projection = new TrustProjection(store);
            this.queries = new TrustQueries(store);
            this.teams = new AnnotationEventHandlerAdapter(new TeamProjection(store));
        }

        void apply(Object event) {
            if (event instanceof TrustRegisteredEvent e) {
                projection.on(e);
            } else if (event instanceof SchoolRegisteredEvent e) {
                projection.on(e);
            } else if (event instanceof PersonRegisteredEvent e) {
                projection.on(e);
            } else {
                throw new IllegalArgumentException("not a trust event: " + event);
            }
        }

        void applyToTeams(Object event) {
            try {
                teams.handle(GenericEventMessage.asEventMessage(event));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Map<String, List<Document>> rawDocuments() {
            Map<String, List<Document>> documents = new TreeMap<>();
            for (Class<?> type : List.of(TrustDocument.class, SchoolDocument.class, PersonDocument.class)) {
                String collection = mongo.getCollectionName(type);
                List<Document> found = mongo.getCollection(collection).find().into(new ArrayList<>());
                found.sort(Comparator.comparing(d -> d.getString("_id")));
                documents.put(collection, found);
            }
            return documents;
        }
    }
}
