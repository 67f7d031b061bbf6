package org.accord.query;

import org.accord.query.shared.ReadModelStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Everything of the read side: projections, query handlers and the store they share. */
@Configuration
@ComponentScan
public class ReadModelConfiguration {

    @Bean
    ReadModelStore readModelStore(MongoTemplate mongoTemplate) {
        return new ReadModelStore(mongoTemplate);
    }
}
