package org.accord.app.production;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

/**
 * The read models queries read in a production MongoDB: the live generation's collections (the meta document says
 * which, the registry which collections are its), each under its plain name and in id order, so that two generations
 * compare equal when their documents are.
 */
final class LiveMongoReadModels {

    private LiveMongoReadModels() {
    }

    static long liveGeneration(MongoDatabase db) {
        Document meta = db.getCollection("read_model_generation").find(new Document("_id", "generations")).first();
        return meta == null ? 0 : meta.get("live", Number.class).longValue();
    }

    static Document meta(MongoDatabase db) {
        return db.getCollection("read_model_generation").find(new Document("_id", "generations")).first();
    }

    /**
     * The e-mail delivery's work queue, not a record: emptied as the delivery gets to it, and refilled by a rebuild
     * (whose items the delivery's durable claims then turn away), so two snapshots of equal read models may differ in it.
     */
    private static final String MAIL_OUTBOX = "notification_mail_outbox";

    static Map<String, List<Document>> of(MongoDatabase db) {
        long live = liveGeneration(db);
        Map<String, List<Document>> collections = new TreeMap<>();
        for (Document entry : db.getCollection("read_model_collections").find(new Document("generation", live))) {
            if (MAIL_OUTBOX.equals(entry.getString("collection"))) {
                continue;
            }
            List<Document> documents = db.getCollection(entry.getString("_id")).find()
                    .sort(new Document("_id", 1)).into(new ArrayList<>());
            if (!documents.isEmpty()) {
                collections.put(entry.getString("collection"), documents);
            }
        }
        return collections;
    }
}
