package org.accord.app.production;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB for readiness: {@code ping} (Spring Boot's own check sends {@code hello}, which the MongoDB-API servers
 * Accord is tested against do not all answer, so it stays off in every mode).
 */
class MongoReadModelHealth extends AbstractHealthIndicator {

    private final MongoDatabase database;

    MongoReadModelHealth(MongoDatabase database) {
        this.database = database;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up().withDetail("database", database.getName());
    }
}
