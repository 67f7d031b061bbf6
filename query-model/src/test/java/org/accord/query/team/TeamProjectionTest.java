package org.accord.query.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.accord.api.standard.Area;
import org.accord.api.team.DecisionMode;
import org.accord.api.team.DecisionRule;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamFormedEvent;
import org.accord.api.team.TeamMemberAddedEvent;
import org.accord.api.team.TeamMemberRemovedEvent;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindPeopleQuery;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.api.trust.PersonView;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.api.trust.TrustView;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.trust.PersonDocument;
import org.accord.query.trust.TrustDocument;
import org.accord.query.trust.TrustProjection;
import org.accord.query.trust.TrustQueries;
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

class TeamProjectionTest {

    private static final String TRUST = "trust-1";
    private static final String SCHOOL = "school-ash";
    private static final String EXECUTIVE = "person-exec";
    private static final String HEAD = "person-head";
    private static final String TEACHER = "person-teacher";
    private static final String GOVERNOR = "person-governor";
    private static final String SAFEGUARDING = "team-safeguarding";
    private static final String CURRICULUM = "team-curriculum";
    private static final DecisionRule CONSENT = new DecisionRule(DecisionMode.CONSENT, 0.5, 0.5, 48);
    private static final DecisionRule MAJORITY = new DecisionRule(DecisionMode.MAJORITY, 0.6, 0.75, 72);

    private static final List<Object> TRUST_EVENTS = List.of(
            new TrustRegisteredEvent(TRUST, "Northern Lights Trust"),
            new PersonRegisteredEvent(TRUST, EXECUTIVE, Set.of(PersonRole.TRUST_EXECUTIVE), null, EXECUTIVE),
            new PersonRegisteredEvent(TRUST, HEAD, Set.of(PersonRole.HEADTEACHER), SCHOOL, EXECUTIVE),
            new PersonRegisteredEvent(TRUST, TEACHER, Set.of(PersonRole.STAFF), SCHOOL, EXECUTIVE),
            new PersonRegisteredEvent(TRUST, GOVERNOR, Set.of(PersonRole.BOARD_MEMBER), null, EXECUTIVE));

    private static final TeamFormedEvent SAFEGUARDING_FORMED = new TeamFormedEvent(SAFEGUARDING, TRUST,
            "Safeguarding group", List.of(Area.SAFEGUARDING, Area.ATTENDANCE), HEAD, List.of(HEAD, TEACHER), CONSENT,
            EXECUTIVE);

    // a member leaves and comes back, and a person moves between teams, so list order is exercised as well as content
    private static final List<Object> TEAM_EVENTS = List.of(
            SAFEGUARDING_FORMED,
            new TeamFormedEvent(CURRICULUM, TRUST, "Curriculum board", List.of(Area.CURRICULUM), EXECUTIVE,
                    List.of(EXECUTIVE, TEACHER), MAJORITY, EXECUTIVE),
            new TeamMemberAddedEvent(SAFEGUARDING, TRUST, GOVERNOR, HEAD),
            new TeamMemberRemovedEvent(SAFEGUARDING, TRUST, TEACHER, HEAD),
            new TeamMemberAddedEvent(CURRICULUM, TRUST, HEAD, EXECUTIVE),
            new TeamMemberAddedEvent(SAFEGUARDING, TRUST, TEACHER, HEAD),
            new TeamMemberRemovedEvent(CURRICULUM, TRUST, EXECUTIVE, EXECUTIVE));

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
    void aFormedTeamIsFoundAndListedOnItsTrustAndOnEachOfItsMembers() {
        ReadModel model = readModel("test");
        TRUST_EVENTS.forEach(model::applyToTrusts);

        model.apply(SAFEGUARDING_FORMED);

        assertThat(model.teamQueries.handle(new FindTeamsQuery(List.of("team-unknown", SAFEGUARDING))))
                .containsExactly(new TeamView(SAFEGUARDING, TRUST, "Safeguarding group",
                        List.of(Area.SAFEGUARDING, Area.ATTENDANCE), HEAD, List.of(HEAD, TEACHER), CONSENT));
        assertThat(model.trustQueries.handle(new FindTrustQuery(TRUST)).teamIds()).containsExactly(SAFEGUARDING);
        assertThat(model.trustQueries.handle(new FindPeopleQuery(List.of(HEAD, TEACHER, GOVERNOR))))
                .extracting(PersonView::id, PersonView::teamIds)
                .containsExactly(
                        tuple(HEAD, List.of(SAFEGUARDING)),
                        tuple(TEACHER, List.of(SAFEGUARDING)),
                        tuple(GOVERNOR, List.of()));
    }

    @Test
    void addingAndRemovingAMemberUpdatesTheTeamAndThatPersonsTeams() {
        ReadModel model = readModel("test");
        TRUST_EVENTS.forEach(model::applyToTrusts);
        model.apply(SAFEGUARDING_FORMED);

        model.apply(new TeamMemberAddedEvent(SAFEGUARDING, TRUST, GOVERNOR, HEAD));

        assertThat(model.team(SAFEGUARDING).memberIds()).containsExactly(HEAD, TEACHER, GOVERNOR);
        assertThat(model.person(GOVERNOR).teamIds()).containsExactly(SAFEGUARDING);

        model.apply(new TeamMemberRemovedEvent(SAFEGUARDING, TRUST, TEACHER, HEAD));

        assertThat(model.team(SAFEGUARDING).memberIds()).containsExactly(HEAD, GOVERNOR);
        assertThat(model.person(TEACHER).teamIds()).isEmpty();
        // the removal is of one member only
        assertThat(model.person(HEAD).teamIds()).containsExactly(SAFEGUARDING);
        assertThat(model.person(GOVERNOR).teamIds()).containsExactly(SAFEGUARDING);
    }

    @Test
    void redeliveringTheEventsAgainFromAnyPointLeavesEveryDocumentExactlyAsItWas() {
        // k = 0 is a replay of the whole stream; later k are what a crash before the token was stored redelivers
        for (int k = 0; k < TEAM_EVENTS.size(); k++) {
            ReadModel model = readModel("redelivery-" + k);
            TRUST_EVENTS.forEach(model::applyToTrusts);
            TEAM_EVENTS.forEach(model::apply);
            Map<String, List<Document>> before = model.rawDocuments();
            assertThat(before.values()).allSatisfy(documents -> assertThat(documents).isNotEmpty());

            TEAM_EVENTS.subList(k, TEAM_EVENTS.size()).forEach(model::apply);

            assertThat(model.rawDocuments()).as("redelivered from event %d", k).isEqualTo(before);
            assertThat(model.team(SAFEGUARDING).memberIds()).as("redelivered from event %d", k)
                    .containsExactly(HEAD, GOVERNOR, TEACHER);
            assertThat(model.person(HEAD).teamIds()).as("redelivered from event %d", k)
                    .containsExactly(SAFEGUARDING, CURRICULUM);
            assertThat(model.trustQueries.handle(new FindTrustQuery(TRUST)).teamIds())
                    .as("redelivered from event %d", k)
                    .containsExactly(SAFEGUARDING, CURRICULUM);
        }
    }

    @Test
    void teamEventsBeforeTrustEventsGiveTheSamePeopleAndTrustAsTheOtherOrder() {
        ReadModel trustFirst = readModel("trust-first");
        TRUST_EVENTS.forEach(trustFirst::applyToTrusts);
        TEAM_EVENTS.forEach(trustFirst::apply);

        List<String> everyone = List.of(EXECUTIVE, HEAD, TEACHER, GOVERNOR);
        ReadModel teamsFirst = readModel("teams-first");
        TEAM_EVENTS.forEach(teamsFirst::apply);
        // someone known only as a team member has no trust yet, so is not shown half-known
        assertThat(teamsFirst.trustQueries.handle(new FindPeopleQuery(everyone))).isEmpty();
        TRUST_EVENTS.forEach(teamsFirst::applyToTrusts);

        List<PersonView> people = trustFirst.trustQueries.handle(new FindPeopleQuery(everyone));
        assertThat(people).containsExactly(
                new PersonView(EXECUTIVE, TRUST, Set.of(PersonRole.TRUST_EXECUTIVE), null, List.of()),
                new PersonView(HEAD, TRUST, Set.of(PersonRole.HEADTEACHER), SCHOOL, List.of(SAFEGUARDING, CURRICULUM)),
                new PersonView(TEACHER, TRUST, Set.of(PersonRole.STAFF), SCHOOL, List.of(CURRICULUM, SAFEGUARDING)),
                new PersonView(GOVERNOR, TRUST, Set.of(PersonRole.BOARD_MEMBER), null, List.of(SAFEGUARDING)));
        assertThat(teamsFirst.trustQueries.handle(new FindPeopleQuery(everyone))).isEqualTo(people);
        assertThat(teamsFirst.trustQueries.handle(new FindTrustQuery(TRUST)))
                .isEqualTo(trustFirst.trustQueries.handle(new FindTrustQuery(TRUST)))
                .isEqualTo(new TrustView(TRUST, "Northern Lights Trust", List.of(), List.of(SAFEGUARDING, CURRICULUM),
                        List.of()));
    }

    private ReadModel readModel(String database) {
        return new ReadModel(new MongoTemplate(client, database));
    }

    /** One database with the projections and queries over it, written to the way the processors would. */
    private static final class ReadModel {

        private final MongoTemplate mongo;
        private final TeamProjection projection;
        private final TeamQueries teamQueries;
        private final TrustQueries trustQueries;
        // TrustProjection's handlers are package-private to another package, so they are reached through Axon's adapter
        private final AnnotationEventHandlerAdapter trusts;

        ReadModel(MongoTemplate mongo) {
            this.mongo = mongo;
            ReadModelStore store = new MongoReadModelStore(mongo);
            this.projection = new TeamProjection(store);
            this.teamQueries = new TeamQueries(store);
            this.trustQueries = new TrustQueries(store);
            this.trusts = new AnnotationEventHandlerAdapter(new TrustProjection(store));
        }

        void apply(Object event) {
            if (event instanceof TeamFormedEvent e) {
                projection.on(e);
            } else if (event instanceof TeamMemberAddedEvent e) {
                projection.on(e);
            } else if (event instanceof TeamMemberRemovedEvent e) {
                projection.on(e);
            } else {
                throw new IllegalArgumentException("not a team event: " + event);
            }
        }

        void applyToTrusts(Object event) {
            try {
                trusts.handle(GenericEventMessage.asEventMessage(event));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        TeamView team(String teamId) {
            return teamQueries.handle(new FindTeamsQuery(List.of(teamId))).get(0);
        }

        PersonView person(String personId) {
            return trustQueries.handle(new FindPeopleQuery(List.of(personId))).get(0);
        }

        Map<String, List<Document>> rawDocuments() {
            Map<String, List<Document>> documents = new TreeMap<>();
            for (Class<?> type : List.of(TeamDocument.class, TrustDocument.class, PersonDocument.class)) {
                String collection = mongo.getCollectionName(type);
                List<Document> found = mongo.getCollection(collection).find().into(new ArrayList<>());
                found.sort(Comparator.comparing(d -> d.getString("_id")));
                documents.put(collection, found);
            }
            return documents;
        }
    }
}
