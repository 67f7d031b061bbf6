package org.accord.query.audit;

import java.time.Instant;
import java.util.List;

import org.accord.api.standard.Area;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A run of a trust's decision records, {@code _id} = trust id # bucket number: paging is a key lookup on every
 * store, including mongo-java-server, which answers only exact unique keys from an index.
 */
@Document("decision_log")
public record DecisionLogBucketDocument(@Id String id, List<Entry> records) {

    public record Entry(String eventId, long position, String type, Instant occurredAt, Instant recordedAt,
                        String actorId, String subjectType, String subjectId, Area area, String summary,
                        String rationale) {
    }

    public List<Entry> records() {
        return records == null ? List.of() : records;
    }
}
