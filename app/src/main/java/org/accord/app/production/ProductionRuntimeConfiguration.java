package org.accord.app.production;

import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.accord.app.shared.ProjectionTransactions;
import org.accord.app.shared.SharedTokenPositions;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The production mode: events in Axon Server (the connector, {@code AXON_AXONSERVER_SERVERS}); read models, tokens,
 * the person directory and an index of the idempotency keys the events carry in MongoDB ({@code SPRING_MONGODB_URI},
 * a replica set). The embedded SQLite store and in-process MongoDB API are off ({@code @Profile("!production")}); so
 * is any JDBC data source.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
public class ProductionRuntimeConfiguration {

    @Bean
    MongoDatabase accordDatabase(MongoClient client, @Value("${spring.mongodb.database:accord}") String database) {
        return client.getDatabase(database);
    }

    /**
     * Tokens live beside the read models they cover, and each batch writes its documents before its token
     * ({@link DocumentsBeforeTokenStore}), so a token is never ahead of the projections: after a crash the
     * processors replay a little, never skip.
     */
    @Bean
    TokenStore tokenStore(MongoClient mongoClient, Serializer serializer,
                          @Value("${spring.mongodb.database:accord}") String database,
                          @Value("${accord.projections.node-id:}") String nodeId) {
        MongoTokenStore.Builder builder = MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(mongoClient, database).build())
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10));
        if (!nodeId.isBlank()) {
            builder.nodeId(nodeId);
        }
        return new DocumentsBeforeTokenStore(builder);
    }

    /** No MongoDB transaction around a batch: the order of its writes (documents, then token) keeps it safe. */
    @Bean
    ProjectionTransactions projectionTransactions() {
        return new ProjectionTransactions(NoTransactionManager.instance());
    }

    @Bean
    SharedTokenPositions sharedTokenPositions(MongoClient mongoClient, Serializer serializer,
                                              @Value("${spring.mongodb.database:accord}") String database) {
        return new MongoTokenPositions(mongoClient, serializer, database);
    }

    /** The projections' and queries' documents, in MongoDB. */
    @Bean
    ReadModelStore readModelStore(MongoTemplate mongoTemplate) {
        return new MongoReadModelStore(mongoTemplate);
    }

    @Bean
    MongoPersonDirectory personDirectory(MongoDatabase accordDatabase) {
        return new MongoPersonDirectory(accordDatabase);
    }

    @Bean
    KeysCaughtUp keysCaughtUp(EventStore eventStore, EventProcessingConfiguration processing, TokenStore tokenStore,
                              SharedTokenPositions sharedTokens) {
        return new KeysCaughtUp(eventStore, processing, tokenStore, sharedTokens);
    }

    /**
     * Keys are held for a request for {@code accord.idempotency.lease} (then a retry may take over from a request
     * that died); a retry waits up to {@code accord.idempotency.wait} for a live request with its key, and up to
     * {@code accord.idempotency.catch-up-timeout} for the keys' projection to reach the head of the event store.
     */
    @Bean
    MongoIdempotencyStore idempotencyStore(MongoDatabase accordDatabase, KeysCaughtUp keysCaughtUp,
                                           EventStore eventStore,
                                           @Value("${accord.idempotency.lease:30s}") Duration lease,
                                           @Value("${accord.idempotency.wait:5s}") Duration waitForOther,
                                           @Value("${accord.idempotency.catch-up-timeout:10s}") Duration catchUp) {
        MongoIdempotencyStore store = new MongoIdempotencyStore(accordDatabase, keysCaughtUp, lease, waitForOther,
                catchUp);
        // on the event bus itself: Axon's Spring support registers event dispatch interceptors only on the
        // EventGateway, which aggregates' events do not pass through
        eventStore.registerDispatchInterceptor(store.keyOnTheEvents());
        return store;
    }

    @Bean
    KeysFromTheEvents keysFromTheEvents(MongoIdempotencyStore idempotencyStore) {
        return new KeysFromTheEvents(idempotencyStore);
    }

    @Bean
    ProductionIndexes productionIndexes(MongoDatabase accordDatabase, MongoIdempotencyStore idempotencyStore,
                                        MongoPersonDirectory personDirectory) {
        return new ProductionIndexes(accordDatabase, idempotencyStore, personDirectory);
    }

    @Bean("axonServer")
    @ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
    AxonServerHealth axonServerHealth(AxonServerConnectionManager connections) {
        return new AxonServerHealth(connections);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
    AxonServerAtStart axonServerAtStart(@Value("${accord.startup-catch-up-timeout:10m}") Duration timeout) {
        return new AxonServerAtStart(timeout);
    }

    @Bean("readModels")
    MongoReadModelHealth readModelHealth(MongoDatabase accordDatabase) {
        return new MongoReadModelHealth(accordDatabase);
    }
}
