package org.accord.app.production;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The production profile's settings for a test that runs it without Axon Server (its events in Axon's in-memory
 * engine, a test bean): MongoDB an external process, bearer tokens signed with this run's key, the decision log's key
 * and witness from configuration (production takes them from nowhere else), no Axon Server in the readiness group.
 */
public final class ProductionWithoutAxonServer {

    private ProductionWithoutAxonServer() {
    }

    public static void register(DynamicPropertyRegistry registry, ExternalMongoServer mongo, TestTokens tokens,
                                TestLedgerKeys ledger) {
        registry.add("spring.mongodb.uri", () -> mongo.uri("accord"));
        registry.add("axon.axonserver.enabled", () -> "false");
        registry.add("accord.security.jwt.public-key-location", tokens::publicKeyLocation);
        // with the events in memory nothing here is chained (RealAxonServerIT has the chain)
        registry.add("accord.ledger.private-key", ledger::privateKeyPem);
        registry.add("accord.ledger.public-key", ledger::publicKeyPem);
        registry.add("accord.ledger.witness-file", () -> ledger.witnessFile().toString());
        // no Axon Server, so no Axon Server health contributor to group
        registry.add("management.endpoint.health.group.readiness.include", () -> "readinessState,readModels");
    }
}
