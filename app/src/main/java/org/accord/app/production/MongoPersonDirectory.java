package org.accord.app.production;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import org.accord.app.person.PersonDirectory;
import org.bson.Document;

/**
 * The erasable person directory in MongoDB: one document per person, {@code _id} the person id (unique by nature),
 * with their trust and display name. Erasure deletes the document. Written with the command's events (see
 * {@link WithTheEvents}).
 */
public class MongoPersonDirectory implements PersonDirectory {

    static final String COLLECTION = "person_directory";

    private final MongoCollection<Document> people;

    public MongoPersonDirectory(MongoDatabase database) {
        this.people = database.getCollection(COLLECTION);
    }

    /** A trust's people, for an operator's export or a trust's erasure. */
    public void createIndexes() {
        people.createIndex(Indexes.ascending("trustId"), new IndexOptions().name("trust"));
    }

    @Override
    public void record(String personId, String trustId, String displayName) {
        Document before = people.find(Filters.eq("_id", personId)).first();
        WithTheEvents.write(
                () -> people.replaceOne(Filters.eq("_id", personId),
                        new Document("_id", personId).append("trustId", trustId).append("displayName", displayName),
                        new ReplaceOptions().upsert(true)),
                () -> {
                    if (before == null) {
                        people.deleteOne(Filters.eq("_id", personId));
                    } else {
                        people.replaceOne(Filters.eq("_id", personId), before);
                    }
                });
    }

    /** The document goes, name and all: what stays is the person's id in the events and read models. */
    @Override
    public void erase(String personId) {
        Document before = people.find(Filters.eq("_id", personId)).first();
        WithTheEvents.write(() -> people.deleteOne(Filters.eq("_id", personId)), () -> {
            if (before != null) {
                people.replaceOne(Filters.eq("_id", personId), before, new ReplaceOptions().upsert(true));
            }
        });
    }

    @Override
    public Map<String, String> displayNames(Collection<String> personIds) {
        Map<String, String> names = new HashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        for (Document person : people.find(Filters.in("_id", new ArrayList<>(personIds)))) {
            String name = person.getString("displayName");
            if (name != null) {
                names.put(person.getString("_id"), name);
            }
        }
        return names;
    }
}
