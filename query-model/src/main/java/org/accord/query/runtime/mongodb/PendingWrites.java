package org.accord.query.runtime.mongodb;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.accord.query.runtime.EventBatch;
import org.accord.query.runtime.UpdateInMemory;
import org.accord.query.shared.RedeliveryGuard;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read-model writes of one batch of events, held until the batch ends and then sent as one bulk write per
 * collection (the benchmark's replay did one round trip per write, and rewrote a growing document on every event).
 * <p>
 * While the batch runs, the projection reads its own writes: a document read in the batch is fetched once, then kept
 * with the batch's updates applied to it in memory. Consecutive updates of one document merge into one where they
 * touch different fields, or add to the same set ({@code $addToSet} with {@code $each}), so a decision-log bucket gets
 * its hundred records in one write instead of a hundred.
 * <p>
 * Order on the way out: the token store flushes the batch before it stores the batch's token (a token is never ahead
 * of its documents), and within the flush every {@link RedeliveryGuard} collection is written after all the others.
 * A crash part-way leaves the token where it was; the batch is delivered again, the updates (absolute values, sets)
 * converge, and no guard claims an event whose documents are missing.
 */
public final class PendingWrites {

    private static final String RESOURCE = PendingWrites.class.getName();
    private static final Object DELETE = new Object();

    private final MongoTemplate mongo;
    private final Map<String, Map<Object, PendingDocument>> byCollection = new LinkedHashMap<>();
    private final Map<String, Boolean> guards = new LinkedHashMap<>();

    private PendingWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The pending writes of the batch of events this thread is handling; null outside one (queries, tests). */
    static PendingWrites ofCurrentBatch(MongoTemplate mongo) {
        // the token store flushes first (flushCurrentBatch); the prepare-commit hook catches a batch that stores no
        // token
        return EventBatch.state(RESOURCE, () -> new PendingWrites(mongo), PendingWrites::flush,
                PendingWrites::discard);
    }

    /**
     * Writes what the batch on this thread has pending, if any: the token store calls it just before it stores the
     * batch's token.
     */
    public static void flushCurrentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        PendingWrites writes = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        if (writes != null) {
            writes.flush();
        }
    }

    void upsert(String collection, boolean guard, Object id, Document mappedUpdate) {
        PendingDocument document = pending(collection, guard, id);
        document.add(mappedUpdate);
    }

    void delete(String collection, boolean guard, Object id) {
        pending(collection, guard, id).delete();
    }

    /** The document as the batch's writes leave it, or null if there is none. */
    Document find(String collection, boolean guard, Object id) {
        PendingDocument document = pending(collection, guard, id);
        if (!document.loaded) {
            Document stored = mongo.getCollection(collection).find(Filters.eq("_id", id)).first();
            document.load(stored);
        }
        return document.current;
    }

    /**
     * Sends everything pending, guards last, and forgets it: what a query outside the cache must see first. The
     * token store's flush runs inside the embedded read-model file's save gate (the app's ReadModelSnapshots); one
     * caused by a query in the middle of a batch does not, so a projection's handlers read by id only.
     */
    void flush() {
        for (boolean guardPass : new boolean[] {false, true}) {
            byCollection.forEach((collection, documents) -> {
                if (guards.get(collection) != guardPass) {
                    return;
                }
                List<WriteModel<Document>> writes = new ArrayList<>();
                for (PendingDocument document : documents.values()) {
                    document.writes(writes);
                }
                if (!writes.isEmpty()) {
                    mongo.getCollection(collection).bulkWrite(writes);
                }
            });
        }
        discard();
    }

    private void discard() {
        byCollection.clear();
        guards.clear();
    }

    private PendingDocument pending(String collection, boolean guard, Object id) {
        guards.putIfAbsent(collection, guard);
        return byCollection.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                .computeIfAbsent(id, PendingDocument::new);
    }

    /** One document's writes in this batch, and its state as they leave it once it has been read. */
    private static final class PendingDocument {

        private final Object id;
        private final List<Object> operations = new ArrayList<>();
        private boolean loaded;
        private Document current;

        PendingDocument(Object id) {
            this.id = id;
        }

        void add(Document update) {
            if (loaded) {
                current = UpdateInMemory.apply(current, id, update);
            }
            Object last = operations.isEmpty() ? null : operations.get(operations.size() - 1);
            if (last instanceof Document previous && UpdateInMemory.merge(previous, update)) {
                return;
            }
            operations.add(UpdateInMemory.copy(update));
        }

        void delete() {
            operations.add(DELETE);
            if (loaded) {
                current = null;
            }
        }

        void load(Document stored) {
            current = stored;
            for (Object operation : operations) {
                current = operation == DELETE ? null : UpdateInMemory.apply(current, id, (Document) operation);
            }
            loaded = true;
        }

        void writes(Collection<WriteModel<Document>> writes) {
            for (Object operation : operations) {
                if (operation == DELETE) {
                    writes.add(new DeleteOneModel<>(Filters.eq("_id", id)));
                } else {
                    writes.add(new UpdateOneModel<>(Filters.eq("_id", id), (Document) operation,
                            new UpdateOptions().upsert(true)));
                }
            }
        }

        @Override
        public String toString() {
            return Objects.toString(id);
        }
    }
}
