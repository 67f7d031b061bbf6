package org.accord.query.audit;

import java.time.Instant;

import org.accord.api.standard.Area;
import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One record of a trust's decision log, {@code _id} = trust id # position: a redelivered event lands on its own row
 * again, and a page of the log is a range of positions of one trust.
 */
@Lookup(by = "trustId", sortedBy = "position")
@Document("decision_records")
public record DecisionRecordDocument(@Id String id, String trustId, long position, String eventId, String type,
                                     Instant occurredAt, Instant recordedAt, String actorId, String subjectType,
                                     String subjectId, Area area, String summary, String rationale) {

    static String idOf(String trustId, long position) {
        return trustId + "#" + position;
    }
}
