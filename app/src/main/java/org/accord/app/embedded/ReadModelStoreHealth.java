package org.accord.app.embedded;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Spring Boot's MongoDB health check sends {@code hello}, which mongo-java-server does not know; this one sends
 * {@code ping}, which both it and a real MongoDB answer.
 */
@Component("readModels")
@Profile("!production")
class ReadModelStoreHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    ReadModelStoreHealth(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
