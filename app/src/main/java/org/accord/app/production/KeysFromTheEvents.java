package org.accord.app.production;

import org.accord.api.shared.Actor;
import org.accord.app.platform.idempotency.IdempotentCommandInterceptor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;

/**
 * Writes each {@code clientMutationId} that the events carry into MongoDB's {@code idempotency_keys}, COMPLETED with
 * its result. Its token lives in the same MongoDB, so a MongoDB restored from an older backup replays the events its
 * keys were missing and gets them back. No reset handler: a replay rewrites the same documents, and holds of
 * requests in flight must survive it.
 */
@ProcessingGroup(KeysFromTheEvents.PROCESSING_GROUP)
public class KeysFromTheEvents {

    public static final String PROCESSING_GROUP = "idempotency-keys";

    private final MongoIdempotencyStore store;

    public KeysFromTheEvents(MongoIdempotencyStore store) {
        this.store = store;
    }

    /** Every event, so the token moves over all of them; most carry no key. */
    @EventHandler
    void on(Object event, MetaData metaData) {
        Object key = metaData.get(IdempotentCommandInterceptor.KEY);
        Object actorId = metaData.get(Actor.METADATA_KEY);
        if (key == null || actorId == null) {
            return;
        }
        Object result = metaData.get(MongoIdempotencyStore.RESULT);
        store.markCompleted(actorId.toString(), key.toString(),
                String.valueOf(metaData.get(IdempotentCommandInterceptor.FINGERPRINT)),
                result == null ? null : result.toString());
    }
}
