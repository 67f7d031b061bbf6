package org.accord.app.embedded;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Profile;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * DOWN, with the reason, while the read-model file is being opened again after a failed save
 * ({@link ReadModelRecovery}); otherwise a {@code ping}: Spring Boot's MongoDB health check sends {@code hello},
 * which mongo-java-server does not know, while both it and a real MongoDB answer {@code ping}.
 */
@Component("readModels")
@Profile("!production")
class ReadModelStoreHealth extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final ReadModelRecovery recovery;

    ReadModelStoreHealth(MongoTemplate mongo, ReadModelRecovery recovery) {
        this.mongo = mongo;
        this.recovery = recovery;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        var problem = recovery.problem();
        if (problem.isPresent()) {
            builder.down().withDetail("problem", problem.get());
            return;
        }
        mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
