package org.accord.query.runtime.mongodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.accord.query.runtime.EventBatch;
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
 * documents are found by {@code _id} (one id, or {@code $in} over ids), never by scanning fields.
 * <p>
 * Writes are upserts of absolute values ({@code $set}, {@code $addToSet}, {@code $pull}), so replaying or redelivering
 * a suffix of the event stream in order converges on the same documents: nothing is counted twice.
 * <p>
 * Inside a batch of events (a projection at work), writes wait for the end of the batch and reads see them
 * ({@link PendingWrites}); everywhere else (queries) they go straight to MongoDB.
 * <p>
 * Generations ({@link ReadModelGenerations}): generation 0's collections are named as the documents say, a later
 * one's {@code <collection>__g<n>} ({@link #collectionName(String, long)}, the one place that names them). One meta
 * document ({@value #GENERATIONS}) says which generation is live, which is being built (up to which event, and
 * whether every projection's token has been reset for it: there is no transaction across the resets here), and which
 * was replaced last; a registry ({@value #COLLECTIONS}) says which collections belong to which generation, so that a
 * generation is dropped whole. The switch is one update of the meta document.
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

    static final String GENERATIONS = "read_model_generation";
    static final String COLLECTIONS = "read_model_collections";

    /** A single-field ascending index that a generation's collection needs before it goes live. */
    public record Index(String collection, String field) {
    }

    private static final int IN_CHUNK = 50;
    private static final String META_ID = "generations";
    private static final String SUFFIX = "__g";
    private static final String BATCH_GENERATION = MongoReadModelStore.class.getName() + ".generation";

    private final MongoTemplate mongo;
    private final QueryMapper queries;
    private final UpdateMapper updates;
    private final Map<Class<?>, Boolean> plainStringIds = new ConcurrentHashMap<>();
    private final List<Index> indexes;
    private final Duration metaFreshFor;
    private final Clock clock;
    /** Collections known to be in the registry: registering is one upsert per collection and process. */
    private final Set<String> registered = ConcurrentHashMap.newKeySet();
    private volatile Cached cached;

    /** The meta document as last read, and when. */
    private record Cached(Meta meta, Instant readAt) {
    }

    /**
     * The meta document: the live generation, the build (null when none) and whether its resets are complete, the
     * generation the last switch replaced (kept a while for replicas that read the meta document before the switch),
     * and the highest generation ever begun (never reused).
     */
    private record Meta(long live, Build building, boolean tokensReset, Long retired, Instant retiredAt,
                        long latest) {
    }

    /** A store without generations' indexes and with the meta document read at most a second old. */
    public MongoReadModelStore(MongoTemplate mongo) {
        this(mongo, List.of(), Duration.ofSeconds(1), Clock.systemUTC());
    }

    public MongoReadModelStore(MongoTemplate mongo, List<Index> indexes, Duration metaFreshFor, Clock clock) {
        this.mongo = mongo;
        this.queries = new QueryMapper(mongo.getConverter());
        this.updates = new UpdateMapper(mongo.getConverter());
        this.indexes = List.copyOf(indexes);
        this.metaFreshFor = metaFreshFor;
        this.clock = clock;
        metaCollection().updateOne(Filters.eq("_id", META_ID), Updates.setOnInsert("live", 0L),
                new UpdateOptions().upsert(true));
        dropAbandonedGenerations();
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
        Meta now = meta(true);
        long generation = now.building() != null ? now.building().generation() : now.live();
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


    @Override
    public long live() {
        return meta(false).live();
    }

    @Override
    public Optional<Build> building() {
        return Optional.ofNullable(meta(false).building());
    }

    /**
     * Records the build before any token is reset (a crash after it leaves a build without the resets' marker, which
     * the next start begins again), and makes the declared indexes on its collections now, so that it goes live
     * with them. A build left unfinished is dropped.
     */
    @Override
    public Build beginBuild(long target) {
        Meta before = meta(true);
        if (before.building() != null) {
            dropGeneration(before.building().generation());
        }
        long next = Math.max(before.latest(), Math.max(before.live(),
                before.building() == null ? 0 : before.building().generation())) + 1;
        metaCollection().updateOne(Filters.eq("_id", META_ID), Updates.combine(Updates.set("building", next),
                Updates.set("target", target), Updates.set("tokensReset", false), Updates.set("latest", next)));
        createIndexes(next);
        meta(true);
        return new Build(next, target);
    }

    @Override
    public void tokensReset(Build build) {
        metaCollection().updateOne(Filters.and(Filters.eq("_id", META_ID), Filters.eq("building", build.generation())),
                Updates.set("tokensReset", true));
        meta(true);
    }

    @Override
    public boolean tokensWereReset(Build build) {
        Meta now = meta(true);
        return now.tokensReset() && build.equals(now.building());
    }

    @Override
    public void abandon(Build build) {
        metaCollection().updateOne(Filters.and(Filters.eq("_id", META_ID), Filters.eq("building", build.generation())),
                Updates.combine(Updates.unset("building"), Updates.unset("target"), Updates.unset("tokensReset")));
        if (meta(true).building() == null) {
            dropGeneration(build.generation());
        }
    }

    /**
     * One update of the meta document, and only if the build is still the one under way with its resets complete:
     * of two replicas asking at once, one switches and the other finds it done. The replaced generation is kept a
     * while for queries on replicas that have not read the switch yet, and dropped on a later read of the meta
     * document (a generation replaced by an earlier switch is dropped now).
     */
    @Override
    public void goLive(Build build) {
        Meta now = meta(true);
        if (now.building() == null || now.building().generation() != build.generation() || !now.tokensReset()) {
            return;
        }
        if (now.retired() != null) {
            dropRetired(now.retired());
        }
        metaCollection().updateOne(Filters.and(Filters.eq("_id", META_ID), Filters.eq("building", build.generation()),
                Filters.eq("tokensReset", true)), Updates.combine(Updates.set("live", build.generation()),
                Updates.set("retired", now.live()), Updates.set("retiredAt", Date.from(clock.instant())),
                Updates.unset("building"), Updates.unset("target"), Updates.unset("tokensReset")));
        meta(true);
    }

    /** Makes the declared indexes on the live generation's collections and the build's, if one is under way. */
    public void createIndexes() {
        Meta now = meta(true);
        createIndexes(now.live());
        if (now.building() != null) {
            createIndexes(now.building().generation());
        }
    }

    private void createIndexes(long generation) {
        for (Index index : indexes) {
            String name = collectionName(index.collection(), generation);
            register(name, index.collection(), generation);
            mongo.getDb().getCollection(name).createIndex(Indexes.ascending(index.field()),
                    new IndexOptions().name(index.field()));
        }
    }

    /**
     * The meta document, read afresh if asked or if the copy is older than {@code metaFreshFor}. A generation
     * replaced more than three times that long ago is dropped on the way: every replica has read the switch by then.
     */
    private Meta meta(boolean fresh) {
        Cached copy = cached;
        Instant now = clock.instant();
        if (!fresh && copy != null && copy.readAt().plus(metaFreshFor).isAfter(now)) {
            return copy.meta();
        }
        Meta meta = loadMeta();
        if (meta.retired() != null && meta.retiredAt().plus(metaFreshFor.multipliedBy(3)).isBefore(now)) {
            dropRetired(meta.retired());
            meta = loadMeta();
        }
        cached = new Cached(meta, now);
        return meta;
    }

    private Meta loadMeta() {
        Document d = metaCollection().find(Filters.eq("_id", META_ID)).first();
        if (d == null) {
            throw new IllegalStateException("the read models' meta document (" + GENERATIONS + ") is missing");
        }
        Number building = d.get("building", Number.class);
        Number retired = d.get("retired", Number.class);
        Date retiredAt = d.getDate("retiredAt");
        return new Meta(number(d, "live"), building == null ? null : new Build(building.longValue(),
                number(d, "target")), d.getBoolean("tokensReset", false), retired == null ? null : retired.longValue(),
                retiredAt == null ? Instant.EPOCH : retiredAt.toInstant(), number(d, "latest"));
    }

    private static long number(Document d, String field) {
        Number n = d.get(field, Number.class);
        return n == null ? 0 : n.longValue();
    }

    private void dropRetired(long generation) {
        dropGeneration(generation);
        metaCollection().updateOne(Filters.and(Filters.eq("_id", META_ID), Filters.eq("retired", generation)),
                Updates.combine(Updates.unset("retired"), Updates.unset("retiredAt")));
    }

    /**
     * What a crash left behind: a build given up, or a generation replaced whose drop did not happen. Only
     * generations up to the highest ever begun: one a replica begins while this one starts is above it.
     */
    private void dropAbandonedGenerations() {
        Meta now = meta(true);
        List<Long> generations = registry().distinct("generation", Long.class).into(new ArrayList<>());
        for (long generation : generations) {
            boolean kept = generation == now.live() || generation > now.latest()
                    || (now.building() != null && generation == now.building().generation())
                    || (now.retired() != null && generation == now.retired());
            if (!kept) {
                dropGeneration(generation);
            }
        }
    }

    /**
     * Drops every collection of a generation. Generation 0's collections are named as their documents, and may
     * predate the registry: every read-model collection any generation registered is dropped under its plain name.
     */
    private void dropGeneration(long generation) {
        Set<String> names = registry().find(Filters.eq("generation", generation))
                .map(d -> d.getString("_id")).into(new java.util.LinkedHashSet<>());
        if (generation == 0) {
            registry().distinct("collection", String.class).forEach(names::add);
        }
        // only those that exist: a generation may never have written some (mongo-java-server logs an error for
        // dropping a collection that is not there)
        Set<String> existing = mongo.getDb().listCollectionNames().into(new java.util.HashSet<>());
        for (String name : names) {
            if (existing.contains(name)) {
                mongo.getDb().getCollection(name).drop();
            }
            registered.remove(name);
        }
        registry().deleteMany(Filters.eq("generation", generation));
    }

    /** The generation a batch of events reads and writes (the one being built, if any), read afresh as it begins. */
    private Long batchGeneration() {
        long[] generation = EventBatch.state(BATCH_GENERATION, () -> {
            Meta now = meta(true);
            return new long[] {now.building() != null ? now.building().generation() : now.live()};
        }, g -> { }, g -> { });
        return generation == null ? null : generation[0];
    }

    /** The collection a read goes to: the batch's generation inside a batch, the live one outside. */
    private String readCollection(Class<?> documentType) {
        Long generation = batchGeneration();
        return collectionName(documentType, generation != null ? generation : meta(false).live());
    }

    /** As {@link #readCollection}, registered with its generation, so that the generation is dropped whole. */
    private String writtenCollection(Class<?> documentType) {
        Long batch = batchGeneration();
        long generation = batch != null ? batch : meta(false).live();
        String base = mongo.getCollectionName(documentType);
        String name = collectionName(base, generation);
        register(name, base, generation);
        return name;
    }

    private void register(String name, String collection, long generation) {
        if (registered.contains(name)) {
            return;
        }
        registry().replaceOne(Filters.eq("_id", name), new Document("_id", name).append("collection", collection)
                .append("generation", generation), new ReplaceOptions().upsert(true));
        registered.add(name);
    }

    private MongoCollection<Document> metaCollection() {
        return mongo.getDb().getCollection(GENERATIONS);
    }

    private MongoCollection<Document> registry() {
        return mongo.getDb().getCollection(COLLECTIONS);
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
