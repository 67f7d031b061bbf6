package org.accord.app.production;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.Set;

import org.accord.app.notification.NotificationMarks;
import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

/**
 * Read marks and mail markers in MongoDB, in collections of their own beside the person directory (not among the
 * read models, which a rebuild replaces). A claim is an insert on {@code _id}, so it succeeds once, on any replica.
 */
public class MongoNotificationMarks implements NotificationMarks {

    private final MongoCollection<Document> reads;
    private final MongoCollection<Document> mail;

    public MongoNotificationMarks(MongoDatabase database) {
        this.reads = database.getCollection("notification_reads");
        this.mail = database.getCollection("notification_mail");
        // the unread count counts a person's marks: an index, not a scan of everyone's (idempotent at every start)
        reads.createIndex(Indexes.ascending("personId"), new IndexOptions().name("person"));
    }

    @Override
    public void markRead(String personId, Collection<String> notificationIds, Instant at) {
        for (String id : new HashSet<>(notificationIds)) {
            reads.updateOne(Filters.eq("_id", key(personId, id)),
                    Updates.combine(Updates.setOnInsert("personId", personId),
                            Updates.setOnInsert("notificationId", id), Updates.setOnInsert("readAt", Date.from(at))),
                    new UpdateOptions().upsert(true));
        }
    }

    @Override
    public Set<String> readOf(String personId, Collection<String> notificationIds) {
        Set<String> read = new HashSet<>();
        if (notificationIds.isEmpty()) {
            return read;
        }
        for (Document mark : reads.find(Filters.in("_id",
                new ArrayList<>(notificationIds.stream().map(id -> key(personId, id)).toList())))) {
            read.add(mark.getString("notificationId"));
        }
        return read;
    }

    @Override
    public long readCount(String personId) {
        return reads.countDocuments(Filters.eq("personId", personId));
    }

    @Override
    public boolean claimMail(String notificationId, Instant at) {
        try {
            mail.insertOne(new Document("_id", notificationId).append("claimedAt", Date.from(at)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void releaseMail(String notificationId) {
        mail.deleteOne(Filters.eq("_id", notificationId));
    }

    private static String key(String personId, String notificationId) {
        return personId + "|" + notificationId;
    }
}
