package org.accord.app.production;

import org.accord.query.runtime.mongodb.PendingWrites;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;

/**
 * Axon's MongoDB token store, made to write a batch's read-model documents before it moves the batch's token: the
 * projections hold their writes until the end of a batch ({@link PendingWrites}), and a token stored ahead of them
 * would let a crash skip events. Processors store the token as the batch commits, on the thread that handled it.
 */
class DocumentsBeforeTokenStore extends MongoTokenStore {

    DocumentsBeforeTokenStore(MongoTokenStore.Builder builder) {
        super(builder);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment) {
        PendingWrites.flushCurrentBatch();
        super.storeToken(token, processorName, segment);
    }
}
