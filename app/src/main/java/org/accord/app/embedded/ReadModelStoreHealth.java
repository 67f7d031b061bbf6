package org.accord.app.embedded;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** UP while the read-model database answers a query; DOWN, with SQLite's words, while it does not. */
@Component("readModels")
@Profile("!production")
class ReadModelStoreHealth extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;

    ReadModelStoreHealth(ReadModelDatabase readModels) {
        this.jdbc = new JdbcTemplate(readModels.dataSource());
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        jdbc.queryForObject("SELECT count(*) FROM " + ReadModelDatabase.TOKEN_TABLE, Integer.class);
        builder.up().withDetail("database", ReadModelDatabase.FILE_NAME);
    }
}
