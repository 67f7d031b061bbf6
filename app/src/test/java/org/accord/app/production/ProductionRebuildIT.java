package org.accord.app.production;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.accord.app.AccordApplication;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelGenerations;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A rebuild in production (MongoDB, generations) that a crash interrupts: the application is stopped in the middle of
 * a build, with its projections stopped where a crash would leave them, and started again on the same MongoDB and
 * events. Whatever the moment, queries answer from the read models of before until the rebuilt ones go live, and the
 * rebuild ends equal to the read models a complete rebuild makes. The events stay in memory across the restarts (one
 * storage engine for the test's contexts, as Axon Server would keep them); MongoDB is an external MongoDB-API server.
 */
class ProductionRebuildIT {

    private static final ExternalMongoServer MONGO = ExternalMongoServer.start();
    private static final TestTokens TOKENS = TestTokens.generate();
    private static final TestLedgerKeys LEDGER = TestLedgerKeys.generate();
    /** The events, kept across the restarts. */
    private static final InMemoryEventStorageEngine EVENTS = new InMemoryEventStorageEngine();

    @Configuration(proxyBeanMethods = false)
    static class SharedEvents {
        @Bean
        EventStorageEngine eventStorageEngine() {
            return EVENTS;
        }
    }

    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void anInterruptedRebuildIsStartedOverOrResumedAfterARestartWhileQueriesAnswerFromTheReadModelsOfBefore() {
        context = start();
        ProductionLifecycle.Trust trust = new ProductionLifecycle(client(), TOKENS).run();
        String exec = TOKENS.token(trust.executiveId(), trust.trustId());
        String operator = TOKENS.token("ops", trust.trustId(), TestTokens.OPERATOR);
        Map<String, List<Document>> before = readModels();
        String schoolsBefore = schools(exec, trust);
        assertThat(schoolsBefore).contains("Lakeside Primary");

        // 1. cut short between the token resets: the build is recorded, one projection reset, the others not
        ReadModelGenerations.Build cutShort = crashMidBuild(1);
        assertThat(meta().getBoolean("tokensReset")).isFalse();
        assertThat(readModels()).isEqualTo(before);

        context = start();
        // ready at once on the read models of before; the rebuild starts over and makes a newer generation
        assertThat(schools(exec, trust)).isEqualTo(schoolsBefore);
        awaitDone(operator);
        assertThat(LiveMongoReadModels.liveGeneration(database())).isGreaterThan(cutShort.generation());
        assertThat(readModels()).isEqualTo(before);

        // 2. cut short mid-replay: every token reset and recorded, the projections stopped before they replayed
        int processors = streamingProcessors().size();
        ReadModelGenerations.Build midReplay = crashMidBuild(processors);
        assertThat(meta().getBoolean("tokensReset")).isTrue();
        assertThat(readModels()).isEqualTo(before);

        context = start();
        assertThat(schools(exec, trust)).isEqualTo(schoolsBefore);
        // a mutation returns once its event is in the rebuilt generation and that generation is live: the query
        // after it reads the new read models
        String added = client().data(exec, """
                mutation($input: RegisterSchoolInput!) { registerSchool(input: $input) { school { id } } }""",
                Map.of("input", Map.of("trustId", trust.trustId(), "name", "Rebuilt Academy", "phase",
                        "SECONDARY", "clientMutationId", "after-the-crash"))).at("/registerSchool/school/id")
                .asString();
        assertThat(added).isNotBlank();
        assertThat(LiveMongoReadModels.liveGeneration(database())).isEqualTo(midReplay.generation());
        assertThat(schools(exec, trust)).contains("Lakeside Primary", "Rebuilt Academy");
        awaitDone(operator);

        // equal to a fresh rebuild from the events alone
        Map<String, List<Document>> resumed = readModels();
        assertThat(client().post("/actuator/rebuild", operator, Map.of()).status()).isEqualTo(202);
        awaitDone(operator);
        assertThat(readModels()).isEqualTo(resumed);
        assertThat(resumed).isNotEqualTo(before);
    }

    /**
     * Stops the projections, begins a build and resets the first {@code resets} projections' tokens, as the rebuild
     * does, and stops the application before anything else happens: what a crash at that moment leaves.
     */
    private ReadModelGenerations.Build crashMidBuild(int resets) {
        List<StreamingEventProcessor> processors = streamingProcessors();
        CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        MongoReadModelStore store = context.getBean(MongoReadModelStore.class);
        long head = context.getBean(EventStore.class).createHeadToken().position().orElseThrow();
        ReadModelGenerations.Build build = store.beginBuild(head);
        processors.subList(0, resets).forEach(StreamingEventProcessor::resetTokens);
        if (resets == processors.size()) {
            store.tokensReset(build);
        }
        context.close();
        context = null;
        return build;
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return context.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .sorted(java.util.Comparator.comparing(StreamingEventProcessor::getName)).toList();
    }

    private String schools(String token, ProductionLifecycle.Trust trust) {
        return client().data(token, "query($id: ID!) { trust(id: $id) { schools { name } } }",
                Map.of("id", trust.trustId())).at("/trust/schools").toString();
    }

    private void awaitDone(String operator) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String state = "";
        while (System.nanoTime() < deadline) {
            state = client().get("/actuator/rebuild", operator).json().at("/rebuild/state").asString();
            assertThat(state).isNotEqualTo("FAILED");
            if (state.equals("DONE") && LiveMongoReadModels.meta(database()).get("building") == null) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the rebuild did not finish within 90 s: " + state);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private BearerClient client() {
        return new BearerClient("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
    }

    private static Document meta() {
        return LiveMongoReadModels.meta(database());
    }

    private static Map<String, List<Document>> readModels() {
        return LiveMongoReadModels.of(database());
    }

    private static MongoClient mongo;

    private static synchronized MongoDatabase database() {
        if (mongo == null) {
            mongo = MongoClients.create(MONGO.uri("accord"));
        }
        return mongo.getDatabase("accord");
    }

    private static ConfigurableApplicationContext start() {
        AccordApplication.quietAxon();
        return new SpringApplicationBuilder(AccordApplication.class, SharedEvents.class).profiles("production")
                .run("--server.port=0",
                        "--spring.mongodb.uri=" + MONGO.uri("accord"),
                        "--axon.axonserver.enabled=false",
                        "--accord.security.jwt.public-key-location=" + TOKENS.publicKeyLocation(),
                        "--accord.ledger.private-key=" + LEDGER.privateKeyPem(),
                        "--accord.ledger.public-key=" + LEDGER.publicKeyPem(),
                        "--accord.ledger.witness-file=" + LEDGER.witnessFile(),
                        "--accord.projections.segments=2",
                        "--accord.projections.batch-size=50",
                        "--spring.main.allow-bean-definition-overriding=true",
                        "--management.endpoint.health.group.readiness.include=readinessState,readModels");
    }
}
