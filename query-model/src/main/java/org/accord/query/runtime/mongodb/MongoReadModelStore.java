package org.accord.query.runtime.mongodb;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.accord.query.runtime.Lookups;
import org.accord.query.shared.Lookup;
import org.accord.query.shared.ReadModelGenerations;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.RedeliveryGuard;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.QueryMapper;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
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
 * <p>
 * Generations ({@link ReadModelGenerations}): generation 0's collections are named as the documents say, a later
 * one's {@code <collection>__g<n>} ({@link #collectionName(String, long)}, the one place that names them). A meta
 * document says which generation is live, which is being built (up to which event, and whether every projection's
 * token has been reset for it: there is no transaction across the resets here), and which was replaced last; a
 * registry says which collections belong to which generation, so that a generation is dropped whole
 * ({@link MongoGenerations}). The switch is one update of the meta document.
 * <p>
 * Several replicas share the meta document. A batch of events reads it afresh when it begins, so no projection ever
 * writes to a generation other than the one being built; queries read it at most {@code metaFreshFor} old (one
 * round trip saved per query), so in the moments after a switch a query on another replica may still read the
 * replaced generation, complete as it was when the rebuild began. That generation is kept for a while after the switch
 * (three times {@code metaFreshFor}) before it is dropped, so such a query never finds it gone; and read-your-writes
 * asks for the switch before a mutation returns ({@link #goLive} reads the meta document afresh), so the query after
 * a mutation reads the new generation on every replica.
 */
public class MongoReadModelStore implements ReadModelStore, ReadModelGenerations {

    /** An ascending index (one field or several) that a generation's collection needs before it goes live. */
    public record Index(String collection, String name, List<String> fields) {

        /** A single-field index, named as its field. */
        public Index(String collection, String field) {
            this(collection, field, List.of(field));
        }
    }

    private static final int IN_CHUNK = 50;
    private static final String SUFFIX = "__g";

    private final MongoTemplate mongo;
    private final QueryMapper queries;
    private final UpdateMapper updates;
    private final Map<Class<?>, Boolean> plainStringIds = new ConcurrentHashMap<>();
    private final MongoGenerations generations;

    /** A store without generations' indexes and with the meta document read at most a second old. */
    public MongoReadModelStore(MongoTemplate mongo) {
        this(mongo, List.of(), Duration.ofSeconds(1), Clock.systemUTC());
    }

    public MongoReadModelStore(MongoTemplate mongo, List<Index> indexes, Duration metaFreshFor, Clock clock) {
        this.mongo = mongo;
        this.queries = new QueryMapper(mongo.getConverter());
        this.updates = new UpdateMapper(mongo.getConverter());
        this.generations = new MongoGenerations(mongo, indexes, metaFreshFor, clock);
    }

    @Override
    public void upsert(Class<?> documentType, String id, Update update) {
        PendingWrites batch = PendingWrites.ofCurrentBatch(mongo);
        String collection = writtenCollection(documentType);
        if (batch == null) {
            mongo.upsert(byId(id), update, documentType, collection);
        } else {
            batch.upsert(collection, isGuard(documentType), mappedId(documentType, id),
                    updates.getMappedObject(update.getUpdateObject(), entity(documentType)));
        }
    }

    @Override
    public void delete(Class<?> documentType, String id) {
        PendingWrites batch = PendingWrites.ofCurrentBatch(mongo);
        String collection = writtenCollection(documentType);
        if (batch == null) {
            mongo.remove(byId(id), documentType, collection);
        } else {
            batch.delete(collection, isGuard(documentType), mappedId(documentType, id));
        }
    }

    /**
     * Removes every document of these collections in the generation being built, if there is one (their indexes
     * stay): what a projection's reset does before a replay rebuilds it, so that no guard against redelivery ("already
     * seen") skips the replayed events. A reset never empties what queries read.
     */
    @Override
    public void clear(Class<?>... documentTypes) {
        long generation = generations.cleared();
        for (Class<?> type : documentTypes) {
            mongo.remove(new Query(), type, collectionName(type, generation));
        }
    }

    /** Every document of a collection: only for collections that stay small by design. */
    @Override
    public <T> List<T> findAll(Class<T> documentType) {
        flushPending();
        return mongo.findAll(documentType, readCollection(documentType));
    }

    /**
     * The documents whose {@code field} is at most {@code upTo}, earliest first: the deadlines and dates that are due.
     * A range query, which a real MongoDB answers from the field's index (ProductionIndexes declares it) and
     * mongo-java-server by a scan of what is a small collection by design.
     */
    @Override
    public <T> List<T> findDue(Class<T> documentType, String field, Object upTo) {
        flushPending();
        return mongo.find(new Query(Criteria.where(field).lte(upTo)).with(Sort.by(field)), documentType,
                readCollection(documentType));
    }

    @Override
    public <T> T findById(Class<T> documentType, String id) {
        PendingWrites batch = PendingWrites.ofCurrentBatch(mongo);
        if (batch == null) {
            return mongo.findById(id, documentType, readCollection(documentType));
        }
        Document document = batch.find(readCollection(documentType), isGuard(documentType),
                mappedId(documentType, id));
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
        String collection = readCollection(documentType);
        List<String> all = List.copyOf(ids);
        Map<String, T> found = new java.util.HashMap<>();
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            mongo.find(new Query(Criteria.where("_id").in(chunk)), documentType, collection)
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
        return mongo.find(new Query(criteria).with(Sort.by(sortedBy)).limit(limit), documentType,
                readCollection(documentType));
    }

    /**
     * The compound index of every lookup these document types declare, as indexes for every generation of their
     * collections (the store makes them on the live generation at start and on a new one when its build begins).
     */
    public static List<Index> lookupIndexes(MongoTemplate mongo, Collection<Class<?>> documentTypes) {
        List<Index> indexes = new ArrayList<>();
        for (Class<?> type : documentTypes) {
            for (Lookup lookup : Lookups.declared(type)) {
                List<String> fields = Lookups.indexed(lookup);
                indexes.add(new Index(mongo.getCollectionName(type), "by_" + String.join("_", fields), fields));
            }
        }
        return indexes;
    }


    @Override
    public long live() {
        return generations.live();
    }

    @Override
    public Optional<Build> building() {
        return generations.building();
    }

    @Override
    public Build beginBuild(long target) {
        return generations.beginBuild(target);
    }

    @Override
    public void tokensReset(Build build) {
        generations.tokensReset(build);
    }

    @Override
    public boolean tokensWereReset(Build build) {
        return generations.tokensWereReset(build);
    }

    @Override
    public void abandon(Build build) {
        generations.abandon(build);
    }

    @Override
    public void goLive(Build build) {
        generations.goLive(build);
    }

    /** Makes the declared indexes on the live generation's collections and the build's, if one is under way. */
    public void createIndexes() {
        generations.createIndexes();
    }

    /** The collection a read goes to: the batch's generation inside a batch, the live one outside. */
    private String readCollection(Class<?> documentType) {
        Long generation = generations.ofBatch();
        return collectionName(documentType, generation != null ? generation : generations.live());
    }

    /** As {@link #readCollection}, registered with its generation, so that the generation is dropped whole. */
    private String writtenCollection(Class<?> documentType) {
        Long batch = generations.ofBatch();
        long generation = batch != null ? batch : generations.live();
        String base = mongo.getCollectionName(documentType);
        String name = collectionName(base, generation);
        generations.register(name, base, generation);
        return name;
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

    /** The collection of this document type in this generation. */
    private String collectionName(Class<?> documentType, long generation) {
        return collectionName(mongo.getCollectionName(documentType), generation);
    }

    /** The one place a generation names its collections: the first as the documents say, a later one with a suffix. */
    static String collectionName(String collection, long generation) {
        return generation == 0 ? collection : collection + SUFFIX + generation;
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
