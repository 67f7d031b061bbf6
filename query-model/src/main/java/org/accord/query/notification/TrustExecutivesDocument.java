package org.accord.query.notification;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The trust executives of a trust (a handful): who is told of what awaits the executive. */
@Document("notification_executives")
public record TrustExecutivesDocument(@Id String trustId, List<String> executiveIds) {

    public List<String> executiveIds() {
        return executiveIds == null ? List.of() : executiveIds;
    }
}
