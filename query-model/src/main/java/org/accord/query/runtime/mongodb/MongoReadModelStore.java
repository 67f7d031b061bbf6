package org.accord.query.runtime.mongodb;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.accord.query.runtime.Lookups;
import org.accord.query.shared.Lookup;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.RedeliveryGuard;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.MongoId;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The read-model store on MongoDB (the production runtime; mongo-java-server stands in for it in tests). Shaped for what
 * mongo-java-server can answer from an index:
 * documents are found by {@code _id} (one id, or {@code $in} over ids), or a page at a time by a declared
 * {@link Lookup}, which production MongoDB answers from the lookup's compound index ({@link #createIndexes}).
 * <p>
 * Writes are upserts of absolute values ({@code $set}, {@code $addToSet}, {@code $pull}), so replaying or redelivering
 * a suffix of the event stream in order converges on the same documents: nothing is counted twice.
 * <p>
 * Inside a batch of events (a projection at work), writes wait for the end of the batch and reads see them
 * ({@link PendingWrites}); everywhere else (queries) they go straight to MongoDB.
 */
public class MongoReadModelStore implements ReadModelStore {

    private static final int IN_CHUNK = 50;

    private final MongoTemplate mongo;
    private final QueryMapper queries;
    private final UpdateMapper updates;
    private final Map<Class<?>, Boolean> plainStringIds = new ConcurrentHashMap<>();

    public MongoReadModelStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.queries = new QueryMapper(mongo.getConverter());
        this.updates = new UpdateMapper(mongo.getConverter());
    }

    @Override
    public void upsert(Class<?> documentType, String id, Update update) {
        PendingWrites batch = PendingWrites.ofCurrentBatch(mongo);
        if (batch == null) {
            mongo.upsert(byId(id), update, documentType);
        } else {
            batch.upsert(collection(documentType), isGuard(documentType), mappedId(documentType, id),
                    updates.getMappedObject(update.getUpdateObject(), entity(documentType)));
        }
    }

    @Override
    public void delete(Class<?> documentType, String id) {
        PendingWrites batch = PendingWrites.ofCurrentBatch(mongo);
        if (batch == null) {
            mongo.remove(byId(id), documentType);
        } else {
            batch.delete(collection(documentType), isGuard(documentType), mappedId(documentType, id));
        }
    }

    /**
     * Removes every document of these collections (their indexes stay): what a projection's reset does before a
     * replay rebuilds it, so that no guard against redelivery ("already seen") skips the replayed events.
     */
    @Override
    public void clear(Class<?>... documentTypes) {
        for (Class<?> type : documentTypes) {
            mongo.remove(new Query(), type);
        }
    }

    /** Every document of a collection: only for collections that stay small by design. */
    @Override
    public <T> List<T> findAll(Class<T> documentType) {
        flushPending();
        return mongo.findAll(documentType);
    }

    /**
     * The documents whose {@code field} is at most {@code upTo}, earliest first: the deadlines and dates that are due.
     * A range query, which a real MongoDB answers from the field's index (ProductionIndexes declares it) and
     * mongo-java-server by a scan of what is a small collection by design.
     */
    @Override
    public <T> List<T> findDue(Class<T> documentType, String field, Object upTo) {
        flushPending();
        return mongo.find(new Query(Criteria.where(field).lte(upTo)).with(Sort.by(field)), documentType);
    }

    @Override
    public <T> T findById(Class<T> documentType, String id) {
        PendingWrites batch = PendingWrites.ofCurrentBatch(mongo);
        if (batch == null) {
            return mongo.findById(id, documentType);
        }
        Document document = batch.find(collection(documentType), isGuard(documentType), mappedId(documentType, id));
        return document == null ? null : mongo.getConverter().read(documentType, document);
    }

    /**
     * The documents with these ids, in the order of the ids; unknown ids are left out. Asked for {@value #IN_CHUNK}
     * ids at a time: mongo-java-server finds each id of an {@code $in} by the index, then checks every document found
     * against the whole list again, so one {@code $in} of n ids costs n² comparisons (the benchmark found a trust's
     * 500 standards taking most of a rulesInForce query). A real MongoDB answers the few queries as fast as one.
     */
    @Override
    public <T> List<T> findByIds(Class<T> documentType, Collection<String> ids, Function<T, String> idOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        flushPending();
        List<String> all = List.copyOf(ids);
        Map<String, T> found = new java.util.HashMap<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            mongo.find(new Query(Criteria.where("_id").in(chunk)), documentType)
                    .forEach(document -> found.put(idOf.apply(document), document));
        }
        return all.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * An equality query with a range on the sort key, sorted and limited: a real MongoDB walks the lookup's compound
     * index; mongo-java-server (tests only) scans the collection.
     */
    @Override
    public <T> List<T> findPage(Class<T> documentType, Map<String, ?> equalTo, String sortedBy, long after,
                                int limit) {
        Lookups.answering(documentType, equalTo.keySet(), sortedBy);
        flushPending();
        Criteria criteria = new Criteria();
        equalTo.forEach((field, value) -> criteria.and(field).is(value));
        criteria.and(sortedBy).gt(after);
        return mongo.find(new Query(criteria).with(Sort.by(sortedBy)).limit(limit), documentType);
    }

    /**
     * The compound index of every lookup these document types declare (creating an existing index is a no-op):
     * production calls it at start-up, before any query.
     */
    public void createIndexes(Collection<Class<?>> documentTypes) {
        for (Class<?> type : documentTypes) {
            for (Lookup lookup : Lookups.declared(type)) {
                Index index = new Index().named("by_" + String.join("_", Lookups.indexed(lookup)));
                Lookups.indexed(lookup).forEach(field -> index.on(field, Sort.Direction.ASC));
                mongo.indexOps(type).createIndex(index);
            }
        }
    }


    private static Query byId(String id) {
        return new Query(Criteria.where("_id").is(id));
    }

    /** A query by anything but id cannot see a batch's pending writes: they go out first. */
    private void flushPending() {
        PendingWrites batch = PendingWrites.ofCurrentBatch(mongo);
        if (batch != null) {
            batch.flush();
        }
    }

    private String collection(Class<?> documentType) {
        return mongo.getCollectionName(documentType);
    }

    private static boolean isGuard(Class<?> documentType) {
        return documentType.isAnnotationPresent(RedeliveryGuard.class);
    }

    /**
     * The id as MongoTemplate would send it (a 24-digit hex string becomes an ObjectId, for one). Spring's query
     * mapping took a tenth of a replay's projection time for what is, for a String id that is not an ObjectId's hex,
     * the id itself; only other ids go through it.
     */
    private Object mappedId(Class<?> documentType, String id) {
        if (!ObjectId.isValid(id) && plainStringIds.computeIfAbsent(documentType, this::hasPlainStringId)) {
            return id;
        }
        return queries.getMappedObject(byId(id).getQueryObject(), entity(documentType)).get("_id");
    }

    private boolean hasPlainStringId(Class<?> documentType) {
        MongoPersistentProperty id = entity(documentType).getIdProperty();
        return id != null && id.getType() == String.class && !id.isAnnotationPresent(MongoId.class);
    }

    private MongoPersistentEntity<?> entity(Class<?> documentType) {
        return mongo.getConverter().getMappingContext().getPersistentEntity(documentType);
    }
}
