package org.accord.app.production;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import org.accord.api.shared.DomainException;
import org.accord.app.platform.failures.Unavailable;
import org.accord.app.platform.idempotency.IdempotencyStore;
import org.accord.app.platform.idempotency.IdempotentCommandInterceptor;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each caller's {@code clientMutationId} in production, where the events (Axon Server) and MongoDB share no
 * transaction. The events are the record: every event of a keyed command carries the key, the request's
 * fingerprint and the command's result in its metadata ({@link #keyOnTheEvents()}), and a projection
 * ({@link KeysFromTheEvents}) writes them into {@code idempotency_keys}, its token in the same MongoDB. So a key is
 * answered as done only when its events were committed, and a MongoDB restored from an older backup gets its keys
 * back by replaying them before a key it lacks is taken as new ({@link KeysCaughtUp}).
 * <p>
 * One document per caller and key (a unique index): PENDING while a request holds it (an owner and a lease), then
 * COMPLETED with the result, written by the request once its events are committed or by the projection from the
 * events, whichever comes first. A request that finds the key
 * <ul>
 * <li>COMPLETED answers with its result;</li>
 * <li>held by a live request waits for it (up to {@code accord.idempotency.wait}), then is refused with CONFLICT;</li>
 * <li>missing, or held by a request whose lease ran out (it crashed), first waits for the projection to reach the
 * head of the event store, so that a key whose events exist is found, and only then holds the key itself;</li>
 * <li>in any other shape (written by an earlier version of Accord before the events carried keys, so possibly
 * without its events) is refused with CONFLICT: it is never answered as done.</li>
 * </ul>
 * The gap left: a request stalled for longer than its lease (30 s) between confirming its hold, just before its
 * events are appended, and the append itself, while a retry takes the key over, records twice (docs/decisions.md).
 */
public class MongoIdempotencyStore implements IdempotencyStore {

    private static final Logger log = LoggerFactory.getLogger(MongoIdempotencyStore.class);

    static final String COLLECTION = "idempotency_keys";
    /** Event metadata that carries the command's result (the key and fingerprint keep the command's names). */
    static final String RESULT = "clientMutationResult";
    static final String PENDING = "PENDING";
    static final String COMPLETED = "COMPLETED";

    private static final String HOLD = MongoIdempotencyStore.class.getName() + ".hold";
    private static final long PAUSE_NANOS = Duration.ofMillis(5).toNanos();

    private final MongoCollection<Document> keys;
    private final KeysCaughtUp caughtUp;
    private final Duration lease;
    private final Duration waitForOther;
    private final Duration catchUpTimeout;

    public MongoIdempotencyStore(MongoDatabase database, KeysCaughtUp caughtUp, Duration lease,
                                 Duration waitForOther, Duration catchUpTimeout) {
        this.keys = database.getCollection(COLLECTION);
        this.caughtUp = caughtUp;
        this.lease = lease;
        this.waitForOther = waitForOther;
        this.catchUpTimeout = catchUpTimeout;
    }

    /** The unique index is also the one lookup this store makes. */
    public void createIndexes() {
        keys.createIndex(Indexes.ascending("actorId", "key"),
                new IndexOptions().unique(true).name("actor_key_unique"));
    }

    @Override
    public Optional<Entry> findOrHold(String actorId, String clientMutationId, String fingerprint) {
        Document id = new Document("actorId", actorId).append("key", clientMutationId);
        long waitUntil = System.nanoTime() + waitForOther.toNanos();
        boolean eventsProjected = false;
        while (true) {
            Document found = keys.find(id).first();
            String status = found == null ? null : found.getString("status");
            if (COMPLETED.equals(status)) {
                return Optional.of(new Entry(found.getString("fingerprint"), found.getString("result")));
            }
            if (found != null && !PENDING.equals(status)) {
                throw DomainException.conflict("clientMutationId '" + clientMutationId + "' was recorded by an"
                        + " earlier version of Accord, which cannot confirm that the mutation was recorded with it:"
                        + " check the decision log, and send the mutation with a new clientMutationId if it is not"
                        + " there");
            }
            if (found != null && leaseUntil(found).isAfter(Instant.now())) {
                if (System.nanoTime() > waitUntil) {
                    throw DomainException.conflict("clientMutationId '" + clientMutationId + "' is being handled by"
                            + " another request; retry to get its result");
                }
                LockSupport.parkNanos(PAUSE_NANOS);
                continue;
            }
            // Missing, or held by a request that died: if its events (or an earlier request's) were committed, the
            // projection writes the key as it reaches them. Until it has reached the head, nobody can tell.
            if (!eventsProjected) {
                if (!caughtUp.await(catchUpTimeout)) {
                    throw new Unavailable("Accord cannot tell yet whether clientMutationId '" + clientMutationId
                            + "' was used: its record of keys is still catching up with the events. Send the"
                            + " mutation again, with the same clientMutationId, shortly; nothing was recorded.");
                }
                eventsProjected = true;
                continue;
            }
            String owner = UUID.randomUUID().toString();
            if (found == null ? insertHold(id, owner, fingerprint) : takeOver(found, owner, fingerprint)) {
                holdUntilTheUnitOfWorkEnds(new Hold(id, owner, fingerprint));
                return Optional.empty();
            }
        }
    }

    @Override
    public void complete(String actorId, String clientMutationId, String fingerprint, String result) {
        Hold hold = currentHold();
        if (hold == null) {
            // no unit of work (not a command): nothing to tie the key to
            return;
        }
        hold.result = result;
        hold.completed = true;
    }

    /**
     * Stamps the key, fingerprint and result of the command that holds a key onto each of its events as they go to
     * the event store: registered on the event bus, whose dispatch interceptors run as the command's unit of work
     * prepares to commit, after the command has returned its result.
     */
    public MessageDispatchInterceptor<EventMessage<?>> keyOnTheEvents() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(
                    List<? extends EventMessage<?>> messages) {
                Hold hold = currentHold();
                if (hold == null || !hold.completed) {
                    return (i, event) -> event;
                }
                Map<String, Object> metadata = new HashMap<>();
                metadata.put(IdempotentCommandInterceptor.KEY, hold.id.getString("key"));
                metadata.put(IdempotentCommandInterceptor.FINGERPRINT, hold.fingerprint);
                if (hold.result != null) {
                    metadata.put(RESULT, hold.result);
                }
                return (i, event) -> event.andMetaData(metadata);
            }
        };
    }

    /** Written by the projection for each event of a keyed command: idempotent, and whoever comes first wins. */
    void markCompleted(String actorId, String clientMutationId, String fingerprint, String result) {
        Document id = new Document("actorId", actorId).append("key", clientMutationId);
        Document update = new Document("$set", new Document("status", COMPLETED).append("fingerprint", fingerprint)
                .append("result", result).append("recordedAt", Instant.now().toString()))
                .append("$unset", new Document("owner", "").append("leaseUntil", ""));
        try {
            keys.updateOne(id, update, new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // two upserts of one new key at once (two segments, or the request and the projection): one inserted
            keys.updateOne(id, update);
        }
    }

    private boolean insertHold(Document id, String owner, String fingerprint) {
        try {
            keys.insertOne(new Document(id).append("status", PENDING).append("owner", owner)
                    .append("leaseUntil", Date.from(Instant.now().plus(lease))).append("fingerprint", fingerprint)
                    .append("heldSince", Instant.now().toString()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false; // another request holds it now: look again
            }
            throw e;
        }
    }

    /** Only if the dead request's hold is still exactly as found: two retries cannot both take it over. */
    private boolean takeOver(Document found, String owner, String fingerprint) {
        Document asFound = new Document("actorId", found.get("actorId")).append("key", found.get("key"))
                .append("status", PENDING).append("owner", found.get("owner"))
                .append("leaseUntil", found.get("leaseUntil"));
        log.warn("clientMutationId '{}' of {} was held by a request that did not finish (lease ended {}); taking it"
                + " over", found.get("key"), found.get("actorId"), found.get("leaseUntil"));
        return keys.updateOne(asFound, new Document("$set", new Document("owner", owner)
                .append("leaseUntil", Date.from(Instant.now().plus(lease))).append("fingerprint", fingerprint)
                .append("heldSince", Instant.now().toString()))).getModifiedCount() == 1;
    }

    /**
     * Just before the events are appended the hold is confirmed and its lease renewed (a request that lost it to a
     * retry appends nothing); once they are committed the key is COMPLETED; if the unit of work rolls back, the key
     * is let go so that a retry can run the command.
     */
    private void holdUntilTheUnitOfWorkEnds(Hold hold) {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        unitOfWork.resources().put(HOLD, hold);
        unitOfWork.onPrepareCommit(u -> {
            Document held = new Document(hold.id).append("status", PENDING).append("owner", hold.owner);
            if (keys.updateOne(held, new Document("$set", new Document("leaseUntil",
                    Date.from(Instant.now().plus(lease))))).getMatchedCount() == 0) {
                throw DomainException.conflict("clientMutationId '" + hold.id.getString("key") + "' was taken over"
                        + " by another request while this one ran; retry to get its result");
            }
        });
        unitOfWork.afterCommit(u -> {
            try {
                if (hold.completed) {
                    markCompleted(hold.id.getString("actorId"), hold.id.getString("key"), hold.fingerprint,
                            hold.result);
                }
            } catch (RuntimeException e) {
                log.warn("clientMutationId '{}' not yet marked COMPLETED ({}); its events will",
                        hold.id.getString("key"), e.toString());
            }
        });
        unitOfWork.onRollback(u -> {
            try {
                keys.deleteOne(new Document(hold.id).append("status", PENDING).append("owner", hold.owner));
            } catch (RuntimeException e) {
                log.warn("clientMutationId '{}' not let go ({}); its lease will end", hold.id.getString("key"),
                        e.toString());
            }
        });
    }

    private static Hold currentHold() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(HOLD) : null;
    }

    private static Instant leaseUntil(Document pending) {
        Date until = pending.getDate("leaseUntil");
        return until == null ? Instant.EPOCH : until.toInstant();
    }

    /** This request's hold on a key, kept in its unit of work; the result once the command has returned. */
    private static final class Hold {
        final Document id;
        final String owner;
        final String fingerprint;
        volatile boolean completed;
        volatile String result;

        Hold(Document id, String owner, String fingerprint) {
            this.id = id;
            this.owner = owner;
            this.fingerprint = fingerprint;
        }
    }
}
