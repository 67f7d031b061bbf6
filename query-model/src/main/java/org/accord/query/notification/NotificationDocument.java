package org.accord.query.notification;

import java.time.Instant;

import org.accord.api.notification.NotificationKind;
import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification in one person's inbox. Its id is made from what it is about and whom it is for
 * ({@link Inbox#idOf}), so the same event always makes the same notification: a redelivery or a rebuild writes the
 * same row again, and the read marks and mail markers kept beside the events (by id) still fit it.
 * {@code position} counts from 0 per person, in the order the notifications arrived: the inbox's page key.
 */
@Lookup(by = "personId", sortedBy = "position")
@Document("notifications")
public record NotificationDocument(@Id String id, String personId, String trustId, Long position,
                                   NotificationKind kind, String subjectType, String subjectId, String title,
                                   Instant createdAt, Instant dueAt) {
}
