package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.accord.api.trust.RegisterSchoolCommand;
import org.accord.api.trust.SchoolPhase;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.app.AccordApplication;
import org.accord.app.embedded.ReadModelDatabase;
import org.accord.app.platform.idempotency.IdempotencyStore;
import org.accord.app.platform.readyourwrites.SharedTokenPositions;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.accord.app.person.PersonDirectory;
import org.accord.app.trust.RegisterSchoolInput;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The production profile as it runs, with one substitution: Axon Server cannot run here, so the events go to Axon's
 * in-memory storage engine (a test bean; the Axon Server connector is switched off). Everything else is production:
 * MongoDB is an external MongoDB-API server process on a loopback port (the in-process one is off), the person
 * directory and idempotency keys live in it, processors are pooled with segments from configuration, sign-in is by
 * JWTs signed with a key made for this run, the demo accounts do not exist, introspection and the explorer are off.
 * ProductionContainersIT runs the same lifecycle against the real Axon Server and MongoDB images where Docker runs.
 * <p>
 * An integration test (failsafe, its own JVM) rather than a unit test: run in the same JVM before the embedded-mode
 * GraphQL tests, the embedded context's projections stopped advancing after it (cause not established yet).
 */
@SpringBootTest(classes = AccordApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
// closed right after this class, while its stores still run: a cached context on stores that are gone would go on
// retrying them in the background for the rest of the test run
@DirtiesContext
@Import(ProductionProfileIT.EventsInMemory.class)
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileIT {

    /** Ends with the test JVM (it serves until its standard input closes), after the context that uses it. */
    private static final ExternalMongoServer MONGO = ExternalMongoServer.start();
    private static final TestTokens TOKENS = TestTokens.generate();
    private static final TestLedgerKeys LEDGER = TestLedgerKeys.generate();

    @TestConfiguration(proxyBeanMethods = false)
    static class EventsInMemory {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }
    }

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        ProductionWithoutAxonServer.register(registry, MONGO, TOKENS, LEDGER);
        registry.add("accord.projections.segments", () -> "2");
        registry.add("accord.projections.batch-size", () -> "50");
        // how long a retry waits for a live request that holds its clientMutationId before it is refused
        registry.add("accord.idempotency.wait", () -> "1s");
        registry.add("accord.person-directory.first-check", () -> "1s");
        registry.add("accord.person-directory.check-interval", () -> "1s");
    }

    @BeforeAll
    static void quiet() {
        AccordApplication.quietAxon();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    SharedTokenPositions sharedTokens;

    @Autowired
    EventStore eventStore;

    private BearerClient client() {
        return new BearerClient("http://127.0.0.1:" + port);
    }

    private static MongoDatabase externalDatabase(MongoClient client) {
        return client.getDatabase("accord");
    }

    @Test
    void theProductionWiringHasNoEmbeddedStoreNoDataSourceAndMongoHomesForPeopleAndKeys() {
        assertThat(context.getBeansOfType(DataSource.class)).isEmpty();
        assertThat(context.getBeansOfType(ReadModelDatabase.class)).isEmpty();
        assertThat(context.getBean(ReadModelStore.class)).isInstanceOf(MongoReadModelStore.class);
        assertThat(context.getBean(PersonDirectory.class)).isInstanceOf(MongoPersonDirectory.class);
        assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(MongoIdempotencyStore.class);
        assertThat(context.getEnvironment().getProperty("accord.demo")).isEqualTo("false");
    }

    @Test
    void projectionsArePooledStreamingProcessorsWithTheConfiguredSegments() {
        List<EventProcessor> processors = new ArrayList<>(processing.eventProcessors().values());
        // the read models' projections in one, and the idempotency keys' index (KeysFromTheEvents)
        assertThat(processors).hasSize(2)
                .allSatisfy(p -> assertThat(p).isInstanceOf(PooledStreamingEventProcessor.class));
        for (EventProcessor processor : processors) {
            assertThat(tokenStore.fetchSegments(processor.getName())).as(processor.getName()).hasSize(2);
        }
    }

    @Test
    void indexesAreCreatedInTheExternalMongoDbAtStartUp() {
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            MongoDatabase db = externalDatabase(mongo);
            assertThat(indexNames(db, "idempotency_keys")).contains("actor_key_unique");
            Document unique = indexes(db, "idempotency_keys").stream()
                    .filter(i -> "actor_key_unique".equals(i.getString("name"))).findFirst().orElseThrow();
            assertThat(unique.getBoolean("unique")).isTrue();
            assertThat(indexes(db, "trackingtokens")).anySatisfy(i -> assertThat(i.getBoolean("unique", false))
                    .isTrue());
        }
    }

    @Test
    void aDecisionLifecycleRunsWithSignedTokensAndTheDirectoryLivesInMongoDb() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            Document chair = externalDatabase(mongo).getCollection("person_directory")
                    .find(new Document("_id", trust.chairId())).first();
            assertThat(chair).isNotNull();
            assertThat(chair.getString("displayName")).isEqualTo("Bea Chair");
            assertThat(chair.getString("trustId")).isEqualTo(trust.trustId());
        }
        // erasure removes the directory's document; the log keeps the person's id
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        JsonNode erased = client().data(exec, """
                mutation($input: ErasePersonInput!) { erasePerson(input: $input) { person { id displayName } } }""",
                Map.of("input", Map.of("personId", trust.memberId()))).at("/erasePerson/person");
        assertThat(erased.get("id").asString()).isEqualTo(trust.memberId());
        assertThat(erased.get("displayName").isNull()).isTrue();
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            // the name is gone; the id stays claimed by its trust, so no other trust can ever register it
            Document entry = externalDatabase(mongo).getCollection("person_directory")
                    .find(new Document("_id", trust.memberId())).first();
            assertThat(entry.getString("trustId")).isEqualTo(trust.trustId());
            assertThat(entry.containsKey("displayName")).isFalse();
        }
    }

    @Test
    void aRetriedMutationIsRecordedOnceWithItsKeyInMongoDb() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        String register = """
                mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { school { id name } } }""";
        Map<String, Object> input = Map.of("input", Map.of("trustId", trust.trustId(), "name", "Hillcrest",
                "phase", "SECONDARY", "clientMutationId", "retry-me"));
        String first = client().data(exec, register, input).at("/registerSchool/school/id").asString();
        String again = client().data(exec, register, input).at("/registerSchool/school/id").asString();
        assertThat(again).isEqualTo(first);
        JsonNode schools = client().data(exec, "query($id: ID!) { trust(id: $id) { schools { name } } }",
                Map.of("id", trust.trustId())).at("/trust/schools");
        assertThat(schools.findValuesAsString("name")).containsOnlyOnce("Hillcrest");
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            assertThat(externalDatabase(mongo).getCollection("idempotency_keys").countDocuments(
                    new Document("actorId", trust.executiveId()).append("key", "retry-me"))).isEqualTo(1);
        }
    }

    @Test
    void aValidTokenSignsInAsThePersonAndTrustOfItsClaims() {
        JsonNode me = client().data(TOKENS.token("someone", "some-trust"), "{ me { id trustId } }", Map.of());
        assertThat(me.at("/me/id").asString()).isEqualTo("someone");
        assertThat(me.at("/me/trustId").asString()).isEqualTo("some-trust");
    }

    @Test
    void anExpiredTokenIsRefused() {
        assertThat(meStatus(TOKENS.expired("someone", "some-trust"))).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        assertThat(meStatus(TOKENS.signedByAnotherKey("someone", "some-trust"))).isEqualTo(401);
    }

    @Test
    void tokensWithoutATrustAPersonOrAnExpiryAreRefused() {
        long exp = Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond();
        assertThat(meStatus(TOKENS.withClaims(Map.of("sub", "someone", "exp", exp)))).isEqualTo(401);
        assertThat(meStatus(TOKENS.withClaims(Map.of("trust_id", "some-trust", "exp", exp)))).isEqualTo(401);
        assertThat(meStatus(TOKENS.withClaims(Map.of("sub", "someone", "trust_id", "some-trust")))).isEqualTo(401);
        assertThat(meStatus(TOKENS.withClaims(Map.of("sub", " ", "trust_id", "some-trust", "exp", exp))))
                .isEqualTo(401);
    }

    @Test
    void noTokenAndTheDemoAccountsAreRefused() {
        assertThat(meStatus(null)).isEqualTo(401);
        java.net.http.HttpRequest basic = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("exec:demo".getBytes()))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"query\":\"{ me { id } }\"}")).build();
        try {
            assertThat(java.net.http.HttpClient.newHttpClient()
                    .send(basic, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void operationsNeedTheOperatorRoleFromTheRolesClaim() {
        assertThat(client().get("/actuator/rebuild", TOKENS.token("someone", "some-trust")).status())
                .isEqualTo(403);
        assertThat(client().get("/actuator/rebuild", null).status()).isEqualTo(401);
        assertThat(client().get("/actuator/rebuild", TOKENS.token("ops", "some-trust", TestTokens.OPERATOR))
                .status()).isEqualTo(200);
    }

    @Test
    void aTrustIsRegisteredOnceAndOnlyWithEverythingItNeeds() {
        String operator = TOKENS.token("ops", "some-trust", TestTokens.OPERATOR);
        Map<String, Object> trust = Map.of("trustId", "trust-once", "name", "Once Trust", "executiveId", "exec-once",
                "executiveName", "Olu Once");
        assertThat(client().post("/actuator/trusts", operator, trust).status()).isEqualTo(201);
        BearerClient.Answer again = client().post("/actuator/trusts", operator, trust);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("trust 'trust-once' already exists");
        BearerClient.Answer blank = client().post("/actuator/trusts", operator, Map.of("trustId", "trust-blank",
                "name", " ", "executiveId", "exec-blank", "executiveName", "Bo Blank"));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body()).contains("name (the trust's name) is required");
        BearerClient.Answer badId = client().post("/actuator/trusts", operator, Map.of("trustId", "has space",
                "name", "Spaced", "executiveId", "exec-space", "executiveName", "Sam Space"));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body()).contains("trustId is required");
        assertThat(client().post("/actuator/trusts", TOKENS.token("someone", "some-trust"), trust).status())
                .isEqualTo(403);
    }

    @Test
    void anOperatorCannotGiveANewTrustAPersonOfAnotherTrustNorAnErasedOne() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String operator = TOKENS.token("ops", "some-trust", TestTokens.OPERATOR);
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        client().data(exec, """
                mutation($input: ErasePersonInput!) { erasePerson(input: $input) { person { id } } }""",
                Map.of("input", Map.of("personId", trust.memberId())));
        // the executive, a look-alike in another case, a person erased since
        for (String taken : List.of(trust.executiveId(), trust.executiveId().toUpperCase(), trust.memberId())) {
            BearerClient.Answer refused = client().post("/actuator/trusts", operator, Map.of("trustId",
                    "taker-" + trust.trustId(), "name", "Taker Trust", "executiveId", taken,
                    "executiveName", "Ima Postor"));
            assertThat(refused.status()).as(taken + ": " + refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("person '" + taken + "' is already registered");
        }
        BearerClient.Answer padded = client().post("/actuator/trusts", operator, Map.of("trustId",
                "taker-" + trust.trustId(), "name", "Taker Trust", "executiveId", " " + trust.chairId(),
                "executiveName", "Ima Postor"));
        assertThat(padded.status()).isEqualTo(400);
        assertThat(padded.body()).contains("executiveId is required");
        // nothing changed: the executive is still their trust's, by the events and by the directory
        JsonNode me = client().data(exec, "{ me { trustId displayName roles } }", Map.of()).get("me");
        assertThat(me.get("trustId").asString()).isEqualTo(trust.trustId());
        assertThat(me.get("displayName").asString()).isEqualTo("Ada Okafor");
        assertThat(me.get("roles").toString()).contains("TRUST_EXECUTIVE");
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            MongoDatabase db = externalDatabase(mongo);
            Document entry = db.getCollection("person_directory").find(new Document("_id", trust.executiveId()))
                    .first();
            assertThat(entry.getString("trustId")).isEqualTo(trust.trustId());
            assertThat(entry.getString("displayName")).isEqualTo("Ada Okafor");
            assertThat(db.getCollection("people").find(new Document("_id", trust.executiveId())).first()
                    .getString("trustId")).isEqualTo(trust.trustId());
            assertThat(db.getCollection("person_directory").countDocuments(
                    new Document("trustId", "taker-" + trust.trustId()))).isZero();
        }
        // the refused trust was not half-registered: it can be registered with an executive of its own
        assertThat(client().post("/actuator/trusts", operator, Map.of("trustId", "taker-" + trust.trustId(),
                "name", "Taker Trust", "executiveId", "own-exec-" + trust.trustId(), "executiveName", "Ima Postor"))
                .status()).isEqualTo(201);
    }

    @Test
    void aTokenWhosePersonIsRegisteredInAnotherTrustIsRefused() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        ProductionLifecycle.Trust other = new ProductionLifecycle(client(), TOKENS).run();
        for (String claimed : List.of(other.trustId(), "no-such-trust")) {
            BearerClient.Answer refused = client().post("/graphql", TOKENS.token(trust.executiveId(), claimed),
                    Map.of("query", "query($id: ID!) { trust(id: $id) { name } }", "variables",
                            Map.of("id", claimed)));
            assertThat(refused.status()).as(refused.body()).isEqualTo(401);
            assertThat(refused.challenge()).contains("person '" + trust.executiveId() + "' is not a person of trust '"
                    + claimed + "'");
        }
        // operations too: the operator role does not make a person of one trust a person of another
        assertThat(client().get("/actuator/rebuild", TOKENS.token(trust.chairId(), other.trustId(),
                TestTokens.OPERATOR)).status()).isEqualTo(401);
        // with the right trust, and for someone no trust registered, sign-in is as before
        assertThat(meStatus(TOKENS.token(trust.executiveId(), trust.trustId()))).isEqualTo(200);
        assertThat(meStatus(TOKENS.token("nobody-" + trust.trustId(), other.trustId()))).isEqualTo(200);
    }

    @Test
    void aNameAnOlderBackupLostIsReportedAndNotShownAsErased(CapturedOutput output) {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        String operator = TOKENS.token("ops", "some-trust", TestTokens.OPERATOR);
        client().data(exec, """
                mutation($input: ErasePersonInput!) { erasePerson(input: $input) { person { id } } }""",
                Map.of("input", Map.of("personId", trust.memberId())));
        awaitPersonDirectory(operator, "UP");
        Document lost;
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            // beneath Accord, as a restore of a backup older than the chair's registration would leave it
            lost = externalDatabase(mongo).getCollection("person_directory")
                    .findOneAndDelete(new Document("_id", trust.chairId()));
        }
        assertThat(lost).isNotNull();
        try {
            JsonNode health = awaitPersonDirectory(operator, "DOWN");
            assertThat(health.at("/details/missingNames").asInt()).isEqualTo(1);
            assertThat(output.getAll()).contains("person directory: 1 of").contains(trust.chairId());
            // Accord keeps serving: readiness is UP
            assertThat(client().get("/actuator/health/readiness", null).status()).isEqualTo(200);
            // the chair shows no name, and is not shown as erased; the erased member is
            JsonNode team = client().data(exec, "query($id: ID!) { team(id: $id) { chair { id displayName"
                    + " nameErased } members { id displayName nameErased } } }", Map.of("id", trust.teamId()))
                    .get("team");
            assertThat(team.at("/chair/displayName").isNull()).isTrue();
            assertThat(team.at("/chair/nameErased").asBoolean()).isFalse();
            JsonNode member = null;
            for (JsonNode m : team.get("members")) {
                if (m.get("id").asString().equals(trust.memberId())) {
                    member = m;
                }
            }
            assertThat(member).as(team.toString()).isNotNull();
            assertThat(member.get("displayName").isNull()).isTrue();
            assertThat(member.get("nameErased").asBoolean()).isTrue();
        } finally {
            try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
                externalDatabase(mongo).getCollection("person_directory").insertOne(lost);
            }
        }
        assertThat(awaitPersonDirectory(operator, "UP").at("/details/missingNames").asInt()).isZero();
    }

    @Test
    void aNameThatARestoreBroughtBackAfterItsErasureIsErasedAgain() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        client().data(exec, """
                mutation($input: ErasePersonInput!) { erasePerson(input: $input) { person { id } } }""",
                Map.of("input", Map.of("personId", trust.memberId())));
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            // a backup taken before the erasure, restored
            externalDatabase(mongo).getCollection("person_directory").updateOne(
                    new Document("_id", trust.memberId()), new Document("$set", new Document("displayName",
                            "Cal Member")));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String name = "Cal Member";
        while (name != null && System.nanoTime() < deadline) {
            try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
                name = externalDatabase(mongo).getCollection("person_directory")
                        .find(new Document("_id", trust.memberId())).first().getString("displayName");
            }
        }
        assertThat(name).isNull();
    }

    /** The personDirectory health component, once it has the status (the check runs every second here). */
    private JsonNode awaitPersonDirectory(String operator, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode health = null;
        while (System.nanoTime() < deadline) {
            health = client().get("/actuator/health/personDirectory", operator).json();
            if (status.equals(health.path("status").asString())) {
                return health;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("personDirectory never " + status + ": " + health);
    }

    @Test
    void introspectionIsOff() {
        JsonNode answer = client().graphql(TOKENS.token("someone", "some-trust"),
                "{ __schema { queryType { name } } }", Map.of());
        assertThat(answer.has("errors")).as(answer.toString()).isTrue();
        assertThat(answer.path("data").path("__schema").isMissingNode() || answer.path("data").isNull()
                || answer.path("data").path("__schema").isNull()).as(answer.toString()).isTrue();
    }

    @Test
    void theBoardsPagesAreServedAndTheirDataNeedsAToken() {
        BearerClient.Answer page = client().get("/board/index.html", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("js/register.js");
        assertThat(client().get("/board/js/accord.js", null).body()).contains("Bearer");
        assertThat(client().get("/board-pack.csv?trustId=some-trust", null).status()).isEqualTo(401);
    }

    @Test
    void theExplorerIsNotServed() {
        assertThat(client().get("/explorer.html", TOKENS.token("someone", "some-trust")).status()).isEqualTo(404);
    }

    @Test
    void healthHasLivenessAndReadinessGroups() {
        BearerClient.Answer liveness = client().get("/actuator/health/liveness", null);
        BearerClient.Answer readiness = client().get("/actuator/health/readiness", null);
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusExposesCommandRatesProjectionLagAndErrors() {
        new ProductionLifecycle(client(), TOKENS).run();
        BearerClient.Answer metrics = client().get("/actuator/prometheus",
                TOKENS.token("ops", "some-trust", TestTokens.OPERATOR));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("accord_projection_lag_events{processor=\"read-models\"")
                .contains("accord_projection_errors{processor=\"read-models\"")
                .containsPattern("commandBus.*RegisterSchoolCommand");
    }

    @Test
    void withTwoSegmentsTheLogNumbersEachTrustsEventsWithoutGapsAndARebuildReproducesEveryReadModel() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        JsonNode log = client().data(exec, "query($id: ID!) { decisionLog(trustId: $id, first: 100) {"
                + " edges { node { position type } } } }", Map.of("id", trust.trustId())).at("/decisionLog/edges");
        List<Integer> positions = log.findValues("position").stream().map(JsonNode::asInt).toList();
        // trust, executive, school, 2 people, team, draft, opening, 2 votes, close, adoption (two events)
        assertThat(positions).hasSizeGreaterThanOrEqualTo(13);
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).isEqualTo(i + 1);
        }

        Map<String, List<Document>> before = readModels();
        String operator = TOKENS.token("ops", trust.trustId(), TestTokens.OPERATOR);
        assertThat(client().post("/actuator/rebuild", operator, Map.of()).status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String state = "";
        while (!state.equals("DONE") && System.nanoTime() < deadline) {
            state = client().get("/actuator/rebuild", operator).json().at("/rebuild/state").asString();
            assertThat(state).isNotEqualTo("FAILED");
        }
        assertThat(state).isEqualTo("DONE");
        assertThat(readModels()).isEqualTo(before);
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            MongoDatabase db = externalDatabase(mongo);
            long live = LiveMongoReadModels.liveGeneration(db);
            assertThat(live).isPositive();
            // a new generation goes live with the indexes the due-date scans need
            assertThat(indexNames(db, "open_votings__g" + live)).contains("closesAt");
            assertThat(indexNames(db, "variation_dates__g" + live)).contains("until");
        }
    }

    /** The live generation's read models in the external MongoDB (not tokens, people's names or idempotency keys). */
    private static Map<String, List<Document>> readModels() {
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            return LiveMongoReadModels.of(externalDatabase(mongo));
        }
    }

    // Idempotency keys in production (issue 16): the events carry each key, MongoDB only indexes them. Each test
    // stages one window a crash or a restored backup can leave, beneath the running app, and counts the events.

    private static final String REGISTER = """
            mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { school { id name } } }""";

    @Test
    void aKeyLostWithAnOlderMongoDbComesBackFromTheEventsSoTheRetryRecordsNothing() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        Map<String, Object> input = Map.of("input", Map.of("trustId", trust.trustId(), "name", "Restored Academy",
                "phase", "PRIMARY", "clientMutationId", "restored-key"));
        String first = client().data(exec, REGISTER, input).at("/registerSchool/school/id").asString();
        assertThat(schoolsRegistered(trust.trustId(), "Restored Academy")).hasSize(1);
        assertThat(schoolsRegistered(trust.trustId(), "Restored Academy").get(0).getMetaData())
                .containsEntry("clientMutationId", "restored-key").containsEntry("clientMutationResult", first);

        // an older backup restored: the key's document is gone, and the keys' projection stands before its events
        Optional<StreamingEventProcessor> keys =
                processing.eventProcessor("idempotency-keys", StreamingEventProcessor.class);
        keys.ifPresent(StreamingEventProcessor::shutDown);
        deleteKey(trust.executiveId(), "restored-key");
        keys.ifPresent(projection -> {
            projection.resetTokens();
            projection.start();
        });

        String again = client().data(exec, REGISTER, input).at("/registerSchool/school/id").asString();
        assertThat(again).isEqualTo(first);
        assertThat(schoolsRegistered(trust.trustId(), "Restored Academy")).hasSize(1);
        assertThat(keyDocument(trust.executiveId(), "restored-key").getString("status")).isEqualTo("COMPLETED");
    }

    @Test
    void aKeyHeldByARequestThatCrashedIsTakenOverOnceItsLeaseEndsAndRecordedOnce() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        RegisterSchoolInput request = new RegisterSchoolInput("crashed-key", trust.trustId(), "Crashed Academy",
                SchoolPhase.SECONDARY);
        insertKey(new Document("actorId", trust.executiveId()).append("key", "crashed-key")
                .append("status", "PENDING").append("owner", "a-request-that-crashed")
                .append("leaseUntil", Date.from(Instant.now().minusSeconds(1)))
                .append("fingerprint", fingerprint(request)));

        String first = client().data(exec, REGISTER, variables(request)).at("/registerSchool/school/id").asString();
        assertThat(first).isNotBlank();
        assertThat(schoolsRegistered(trust.trustId(), "Crashed Academy")).hasSize(1);
        String again = client().data(exec, REGISTER, variables(request)).at("/registerSchool/school/id").asString();
        assertThat(again).isEqualTo(first);
        assertThat(schoolsRegistered(trust.trustId(), "Crashed Academy")).hasSize(1);
    }

    @Test
    void aKeyHeldByALiveRequestMakesARetryWaitAndThenRefusesItWithConflict() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        RegisterSchoolInput request = new RegisterSchoolInput("live-key", trust.trustId(), "Busy Academy",
                SchoolPhase.PRIMARY);
        insertKey(new Document("actorId", trust.executiveId()).append("key", "live-key")
                .append("status", "PENDING").append("owner", "a-request-still-running")
                .append("leaseUntil", Date.from(Instant.now().plusSeconds(60)))
                .append("fingerprint", fingerprint(request)));

        JsonNode answer = client().graphql(exec, REGISTER, variables(request));
        assertThat(answer.at("/errors/0/extensions/classification").asString()).as(answer.toString())
                .isEqualTo("CONFLICT");
        assertThat(answer.at("/errors/0/message").asString()).contains("being handled by another request");
        assertThat(schoolsRegistered(trust.trustId(), "Busy Academy")).isEmpty();
    }

    @Test
    void aKeyRecordedWithoutItsEventsIsNeverAnsweredAsDone() {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        RegisterSchoolInput request = new RegisterSchoolInput("ghost-key", trust.trustId(), "Ghost Academy",
                SchoolPhase.PRIMARY);
        // what the earlier version wrote before the append, left alone by a crash before the append
        insertKey(new Document("actorId", trust.executiveId()).append("key", "ghost-key")
                .append("fingerprint", fingerprint(request)).append("result", "school-never-recorded")
                .append("recordedAt", Instant.now().toString()));

        JsonNode answer = client().graphql(exec, REGISTER, variables(request));
        assertThat(answer.toString()).doesNotContain("school-never-recorded");
        assertThat(answer.at("/errors/0/extensions/classification").asString()).as(answer.toString())
                .isEqualTo("CONFLICT");
        assertThat(answer.at("/errors/0/message").asString()).contains("cannot confirm");
        assertThat(schoolsRegistered(trust.trustId(), "Ghost Academy")).isEmpty();
    }

    @Test
    void tenConcurrentSendsOfOneKeyRecordOneEventAndGetTenIdenticalAnswers() throws Exception {
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        Map<String, Object> input = Map.of("input", Map.of("trustId", trust.trustId(), "name", "Eager Academy",
                "phase", "PRIMARY", "clientMutationId", "eager-key"));
        ExecutorService clients = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(clients.submit(() -> {
                    go.await();
                    return client().graphql(exec, REGISTER, input).toString();
                }));
            }
            go.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<String> answer : answers) {
                bodies.add(answer.get(2, TimeUnit.MINUTES));
            }
            assertThat(bodies.get(0)).contains("Eager Academy").doesNotContain("errors");
            assertThat(bodies).containsOnly(bodies.get(0));
            assertThat(schoolsRegistered(trust.trustId(), "Eager Academy")).hasSize(1);
        } finally {
            clients.shutdownNow();
        }
    }

    /** The events in the store that registered a school of this name in this trust. */
    private List<EventMessage<?>> schoolsRegistered(String trustId, String name) {
        List<EventMessage<?>> found = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> events = eventStore.openStream(null)) {
            while (events.hasNextAvailable()) {
                TrackedEventMessage<?> event = events.nextAvailable();
                if (event.getPayload() instanceof SchoolRegisteredEvent school && school.trustId().equals(trustId)
                        && school.name().equals(name)) {
                    found.add(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return found;
    }

    private static Map<String, Object> variables(RegisterSchoolInput request) {
        return Map.of("input", Map.of("clientMutationId", request.clientMutationId(), "trustId", request.trustId(),
                "name", request.name(), "phase", request.phase().name()));
    }

    /** The fingerprint Commands gives this request (so that a staged document matches the retry's). */
    private static String fingerprint(RegisterSchoolInput request) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(
                    (RegisterSchoolCommand.class.getName() + '\n' + request).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void insertKey(Document key) {
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            externalDatabase(mongo).getCollection("idempotency_keys").insertOne(key);
        }
    }

    private static void deleteKey(String actorId, String key) {
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            externalDatabase(mongo).getCollection("idempotency_keys")
                    .deleteOne(new Document("actorId", actorId).append("key", key));
        }
    }

    private static Document keyDocument(String actorId, String key) {
        try (MongoClient mongo = MongoClients.create(MONGO.uri("accord"))) {
            return externalDatabase(mongo).getCollection("idempotency_keys")
                    .find(new Document("actorId", actorId).append("key", key)).first();
        }
    }


    @Test
    void whereAProjectionStandsIsReadFromTheSharedTokenStoreWithoutClaimingIt() {
        tokenStore.initializeTokenSegments("probe", 2, new GlobalSequenceTrackingToken(5));
        assertThat(sharedTokens.reached("probe", 5)).isTrue();
        assertThat(sharedTokens.reached("probe", 6)).isFalse();
        tokenStore.fetchToken("probe", 1);
        tokenStore.storeToken(new GlobalSequenceTrackingToken(9), "probe", 1);
        tokenStore.fetchToken("probe", 0);
        // a segment replaying from the start after a reset is behind, whatever it had reached before
        tokenStore.storeToken(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(9),
                new GlobalSequenceTrackingToken(2)), "probe", 0);
        assertThat(sharedTokens.reached("probe", 5)).isFalse();
        tokenStore.storeToken(new GlobalSequenceTrackingToken(7), "probe", 0);
        assertThat(sharedTokens.reached("probe", 7)).isTrue();
        assertThat(sharedTokens.reached("probe", 8)).isFalse();
        assertThat(sharedTokens.reached("no-such-processor", 0)).isFalse();
    }

    private int meStatus(String token) {
        return client().post("/graphql", token, Map.of("query", "{ me { id } }")).status();
    }

    private static List<Document> indexes(MongoDatabase db, String collection) {
        return db.getCollection(collection).listIndexes().into(new ArrayList<>());
    }

    private static List<String> indexNames(MongoDatabase db, String collection) {
        return indexes(db, collection).stream().map(i -> i.getString("name")).toList();
    }
}
