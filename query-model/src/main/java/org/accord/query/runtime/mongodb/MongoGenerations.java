package org.accord.query.runtime.mongodb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.accord.query.runtime.EventBatch;
import org.accord.query.shared.ReadModelGenerations.Build;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read models' generations in MongoDB, for {@link MongoReadModelStore}: the meta document ({@value #GENERATIONS}:
 * the live generation, the build and whether its token resets are complete, the generation the last switch replaced
 * and when, the highest generation ever begun) and the registry of which collection belongs to which generation
 * ({@value #COLLECTIONS}), so that a generation is dropped whole. Names its collections through
 * {@link MongoReadModelStore#collectionName(String, long)}.
 */
final class MongoGenerations {

    static final String GENERATIONS = "read_model_generation";
    static final String COLLECTIONS = "read_model_collections";

    private static final String META_ID = "generations";
    private static final String BATCH_GENERATION = MongoGenerations.class.getName() + ".batch";

    private final MongoTemplate mongo;
    private final List<MongoReadModelStore.Index> indexes;
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

    /** Makes the meta document if there is none (generation 0 live) and drops what a crash left behind. */
    MongoGenerations(MongoTemplate mongo, List<MongoReadModelStore.Index> indexes, Duration metaFreshFor, Clock clock) {
        this.mongo = mongo;
        this.indexes = List.copyOf(indexes);
        this.metaFreshFor = metaFreshFor;
        this.clock = clock;
        metaCollection().updateOne(Filters.eq("_id", META_ID), Updates.setOnInsert("live", 0L),
                new UpdateOptions().upsert(true));
        dropAbandonedGenerations();
    }

    /** The generation a reset clears: the one being built, if any, read afresh. */
    long cleared() {
        Meta now = meta(true);
        return now.building() != null ? now.building().generation() : now.live();
    }

    long live() {
        return meta(false).live();
    }

    Optional<Build> building() {
        return Optional.ofNullable(meta(false).building());
    }

    /**
     * Records the build before any token is reset (a crash after it leaves a build without the resets' marker, which
     * the next start begins again), and makes the declared indexes on its collections now, so that it goes live
     * with them. A build left unfinished is dropped.
     */
    Build beginBuild(long target) {
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

    void tokensReset(Build build) {
        metaCollection().updateOne(Filters.and(Filters.eq("_id", META_ID), Filters.eq("building", build.generation())),
                Updates.set("tokensReset", true));
        meta(true);
    }

    boolean tokensWereReset(Build build) {
        Meta now = meta(true);
        return now.tokensReset() && build.equals(now.building());
    }

    void abandon(Build build) {
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
    void goLive(Build build) {
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
    void createIndexes() {
        Meta now = meta(true);
        createIndexes(now.live());
        if (now.building() != null) {
            createIndexes(now.building().generation());
        }
    }

    private void createIndexes(long generation) {
        for (MongoReadModelStore.Index index : indexes) {
            String name = MongoReadModelStore.collectionName(index.collection(), generation);
            register(name, index.collection(), generation);
            mongo.getDb().getCollection(name).createIndex(Indexes.ascending(index.fields()),
                    new IndexOptions().name(index.name()));
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
    Long ofBatch() {
        long[] generation = EventBatch.state(BATCH_GENERATION, () -> {
            Meta now = meta(true);
            return new long[] {now.building() != null ? now.building().generation() : now.live()};
        }, g -> { }, g -> { });
        return generation == null ? null : generation[0];
    }

    void register(String name, String collection, long generation) {
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
}
