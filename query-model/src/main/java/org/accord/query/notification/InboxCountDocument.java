package org.accord.query.notification;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many notifications a person's inbox holds: the next one's position, one small row per person. */
@Document("inbox_counts")
public record InboxCountDocument(@Id String personId, long count) {
}
