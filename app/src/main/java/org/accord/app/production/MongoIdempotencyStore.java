package org.accord.app.production;

import java.time.Instant;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.accord.api.shared.DomainException;
import org.accord.app.shared.IdempotencyStore;
import org.bson.Document;

/**
 * Each caller's {@code clientMutationId} in MongoDB, unique per caller and key (a unique index). The record is
 * written with the command's events (see {@link WithTheEvents}); two racing retries of one key cannot both record:
 * the second meets the unique index and its events are not appended.
 */
public class MongoIdempotencyStore implements IdempotencyStore {

    static final String COLLECTION = "idempotency_keys";

    private final MongoCollection<Document> keys;

    public MongoIdempotencyStore(MongoDatabase database) {
        this.keys = database.getCollection(COLLECTION);
    }

    /** The unique index is also the one lookup this store makes. */
    public void createIndexes() {
        keys.createIndex(Indexes.ascending("actorId", "key"),
                new IndexOptions().unique(true).name("actor_key_unique"));
    }

    @Override
    public Optional<Entry> find(String actorId, String clientMutationId) {
        Document found = keys.find(new Document("actorId", actorId).append("key", clientMutationId)).first();
        return found == null ? Optional.empty()
                : Optional.of(new Entry(found.getString("fingerprint"), found.getString("result")));
    }

    @Override
    public void record(String actorId, String clientMutationId, String fingerprint, String result) {
        Document key = new Document("actorId", actorId).append("key", clientMutationId);
        WithTheEvents.write(() -> {
            try {
                keys.insertOne(new Document(key).append("fingerprint", fingerprint).append("result", result)
                        .append("recordedAt", Instant.now().toString()));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw DomainException.conflict("clientMutationId '" + clientMutationId
                            + "' is being handled by another request at the same moment; retry to get its result");
                }
                throw e;
            }
        }, () -> keys.deleteOne(key));
    }
}
