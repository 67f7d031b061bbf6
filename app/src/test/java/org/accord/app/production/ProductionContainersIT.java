package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.accord.app.AccordApplication;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.utility.DockerImageName;
import tools.jackson.databind.JsonNode;

/**
 * The production mode against the real images: Axon Server (events and message routing) and MongoDB (a one-node
 * replica set, as Testcontainers starts it), the same images docker-compose.yml uses. A whole decision lifecycle
 * with signed tokens, then a rebuild of the read models while it serves. Skipped, and reported as skipped, where no
 * Docker engine runs (as on the project's machines).
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = AccordApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("production")
// closed right after this class, while its stores still run: a cached context on stores that are gone would go on
// retrying them in the background for the rest of the test run
@DirtiesContext
class ProductionContainersIT {

    @Container
    static final GenericContainer<?> AXON_SERVER = new GenericContainer<>(
            DockerImageName.parse("axoniq/axonserver:4.6.11-jdk-17"))
            .withEnv("AXONIQ_AXONSERVER_DEVMODE_ENABLED", "true")
            .withExposedPorts(8024, 8124)
            .waitingFor(Wait.forHttp("/actuator/health").forPort(8024).forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)));

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:8.0"));

    private static final TestTokens TOKENS = TestTokens.generate();
    private static final TestLedgerKeys LEDGER = TestLedgerKeys.generate();

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        registry.add("axon.axonserver.servers", () -> AXON_SERVER.getHost() + ":" + AXON_SERVER.getMappedPort(8124));
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("accord"));
        registry.add("accord.security.jwt.public-key-location", TOKENS::publicKeyLocation);
        registry.add("accord.ledger.private-key", LEDGER::privateKeyPem);
        registry.add("accord.ledger.public-key", LEDGER::publicKeyPem);
        registry.add("accord.ledger.witness-file", () -> LEDGER.witnessFile().toString());
    }

    @BeforeAll
    static void quiet() {
        AccordApplication.quietAxon();
    }

    @LocalServerPort
    int port;

    @Test
    void aDecisionLifecycleRunsOnAxonServerAndMongoDbAndARebuildReproducesIt() {
        BearerClient client = new BearerClient("http://127.0.0.1:" + port);
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client, TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        String query = "query($id: ID!) { standard(id: $id) { title currentVersion versions { number } } }";
        JsonNode before = client.data(exec, query, Map.of("id", trust.standardId()));

        String operator = TOKENS.token("operator", trust.trustId(), TestTokens.OPERATOR);
        assertThat(client.post("/actuator/rebuild", operator, Map.of()).status()).isEqualTo(202);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        String state = "";
        while (!state.equals("DONE") && System.nanoTime() < deadline) {
            state = client.get("/actuator/rebuild", operator).json().at("/rebuild/state").asString();
            assertThat(state).isNotEqualTo("FAILED");
        }
        assertThat(state).isEqualTo("DONE");
        assertThat(client.data(exec, query, Map.of("id", trust.standardId()))).isEqualTo(before);
        assertThat(client.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");
    }
}
