package org.accord.query;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import com.mongodb.client.MongoClient;

/**
 * A MongoTemplate converting as the application's does: Spring Boot builds its template from the
 * {@link ReadModelConfiguration#mongoCustomConversions()} bean, and without those conversions a calendar date would be
 * stored as an instant, so a test on a plain template would not see what the application stores.
 */
public final class ReadModelMongo {

    private ReadModelMongo() {
    }

    public static MongoTemplate template(MongoClient client, String database) {
        return new MongoTemplate(new SimpleMongoClientDatabaseFactory(client, database), converter());
    }

    /** The converter alone: what the SQLite adapter maps documents with. */
    public static MappingMongoConverter converter() {
        MongoCustomConversions conversions = new ReadModelConfiguration().mongoCustomConversions();
        MongoMappingContext mappingContext = new MongoMappingContext();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mappingContext.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, mappingContext);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return converter;
    }
}
