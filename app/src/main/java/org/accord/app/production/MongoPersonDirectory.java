package org.accord.app.production;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.accord.api.shared.DomainException;
import org.accord.app.person.PersonDirectory;
import org.bson.Document;

/**
 * The erasable person directory in MongoDB: one document per person, {@code _id} the person id (unique by nature,
 * across trusts), with their trust and display name. Registration inserts (never replaces), so an id another trust
 * holds is refused, also by another replica racing this one; erasure removes the name and keeps the id and trust.
 * Written with the command's events (see {@link WithTheEvents}).
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
        // refused now, with the events not yet appended; the insert below refuses a race (same id) at commit
        Entry existing = find(personId);
        if (existing != null) {
            throw DomainException.conflict(PersonDirectory.alreadyRegistered(personId, existing));
        }
        WithTheEvents.write(
                () -> {
                    try {
                        people.insertOne(new Document("_id", personId).append("trustId", trustId)
                                .append("displayName", displayName));
                    } catch (MongoWriteException e) {
                        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                            throw DomainException.conflict(PersonDirectory.alreadyRegistered(personId, null));
                        }
                        throw e;
                    }
                },
                // only ever undoes this registration's own insert
                () -> people.deleteOne(new Document("_id", personId).append("trustId", trustId)));
    }

    /** The name goes: what stays is the person's id and trust, as in the events and read models. */
    @Override
    public void erase(String personId) {
        Document before = people.find(Filters.eq("_id", personId)).first();
        WithTheEvents.write(() -> people.updateOne(Filters.eq("_id", personId),
                        Updates.combine(Updates.unset("displayName"), Updates.unset("email"))),
                () -> {
                    if (before != null && before.getString("displayName") != null) {
                        people.updateOne(Filters.eq("_id", personId), Updates.combine(
                                Updates.set("displayName", before.getString("displayName")),
                                before.getString("email") == null ? Updates.unset("email")
                                        : Updates.set("email", before.getString("email"))));
                    }
                });
    }

    /** Only while the person is not erased: an erased person's document keeps nothing personal. */
    @Override
    public void recordEmail(String personId, String email) {
        people.updateOne(Filters.and(Filters.eq("_id", personId), Filters.exists("displayName")),
                email == null ? Updates.unset("email") : Updates.set("email", email));
    }

    @Override
    public String email(String personId) {
        Document person = people.find(Filters.eq("_id", personId)).first();
        return person == null ? null : person.getString("email");
    }

    @Override
    public Entry find(String personId) {
        if (personId == null) {
            return null;
        }
        Document exact = people.find(Filters.eq("_id", personId)).first();
        if (exact != null) {
            return entry(exact);
        }
        // a look-alike in another case: a scan (of ids only), paid once per registration
        Document alike = people.find(Filters.regex("_id", "^" + Pattern.quote(personId) + "$", "i")).first();
        return alike == null ? null : entry(alike);
    }

    @Override
    public Map<String, Entry> entries(Collection<String> personIds) {
        Map<String, Entry> entries = new HashMap<>();
        if (personIds.isEmpty()) {
            return entries;
        }
        for (Document person : people.find(Filters.in("_id", new ArrayList<>(personIds)))) {
            Entry entry = entry(person);
            entries.put(entry.personId(), entry);
        }
        return entries;
    }

    private static Entry entry(Document person) {
        return new Entry(person.getString("_id"), person.getString("trustId"), person.getString("displayName"));
    }
}
