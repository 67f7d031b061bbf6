package org.accord.app.person;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class PersonDirectoryConfiguration {

    @Bean
    PersonDirectory personDirectory(JdbcTemplate jdbc) {
        return new JdbcPersonDirectory(jdbc);
    }
}
