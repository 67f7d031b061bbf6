package org.accord.query.notification;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification that appeared and that the e-mail delivery has not looked at yet; removed once it has (sent,
 * skipped, or off). Not the record of what was sent: that is kept beside the events, so that no rebuild of the read
 * models can make a notification look unsent.
 */
@Document("notification_mail_outbox")
public record MailOutboxDocument(@Id String notificationId, Instant createdAt) {
}
