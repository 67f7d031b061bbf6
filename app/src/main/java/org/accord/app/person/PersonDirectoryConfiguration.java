package org.accord.app.person;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

/** The embedded mode's directory, beside the events; production has its own (MongoPersonDirectory). */
@Configuration(proxyBeanMethods = false)
@Profile("!production")
class PersonDirectoryConfiguration {

    @Bean
    PersonDirectory personDirectory(JdbcTemplate jdbc) {
        return new JdbcPersonDirectory(jdbc);
    }
}
