package org.accord.app.production;

import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The production mode: events in Axon Server (the connector, {@code AXON_AXONSERVER_SERVERS}); read models, tokens,
 * the person directory and the idempotency keys in MongoDB ({@code SPRING_MONGODB_URI}, a replica set). The embedded
 * SQLite store and in-process MongoDB API are off ({@code @Profile("!production")}); so is any JDBC data source.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
public class ProductionRuntimeConfiguration {

    @Bean
    MongoDatabase accordDatabase(MongoClient client, @Value("${spring.mongodb.database:accord}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    MongoPersonDirectory personDirectory(MongoDatabase accordDatabase) {
        return new MongoPersonDirectory(accordDatabase);
    }

    @Bean
    MongoIdempotencyStore idempotencyStore(MongoDatabase accordDatabase) {
        return new MongoIdempotencyStore(accordDatabase);
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
