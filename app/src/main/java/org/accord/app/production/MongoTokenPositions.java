package org.accord.app.production;

import java.time.Instant;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import org.accord.app.platform.readyourwrites.SharedTokenPositions;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.beans.factory.annotation.Value;

/**
 * Where a projection stands according to the token store every node shares (Axon's MongoDB token store), read
 * without claiming anything. With several app replicas the segments of a projection may all be processed on other
 * nodes; a mutation on this one then waits on their tokens instead of on segments it does not have.
 */
public class MongoTokenPositions implements SharedTokenPositions {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    public MongoTokenPositions(MongoClient mongo, Serializer serializer,
                                @Value("${spring.mongodb.database:accord}") String database) {
        // the collection Axon's MongoTokenStore writes (DefaultMongoTemplate's default name)
        this.tokens = mongo.getDatabase(database).getCollection("trackingtokens");
        this.serializer = serializer;
    }

    @Override
    public boolean reached(String processor, long position) {
        boolean any = false;
        for (Document stored : tokens.find(new Document("processorName", processor))) {
            any = true;
            Binary data = stored.get("token", Binary.class);
            if (data == null) {
                return false;
            }
            TrackingToken token = new GenericTokenEntry<>(data.getData(), stored.getString("tokenType"),
                    Instant.ofEpochMilli(stored.getLong("timestamp")).toString(), stored.getString("owner"),
                    processor, stored.getInteger("segment"), byte[].class).getToken(serializer);
            if (token == null || token.position().orElse(-1) < position) {
                return false;
            }
        }
        return any;
    }
}
