package org.accord.app.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * What happened to notifications after they appeared, per person and kept beside the events, not in the read models:
 * which ones each person has read, and which ones were mailed. Neither is an event (docs/decisions.md,
 * "Notifications"): a read mark is no decision of the trust, and a mail is a delivery, not a fact of governance. Both
 * must outlive a rebuild of the read models, which is why they are not documents there: a rebuild would make every
 * notification unread again and, worse, unsent.
 * <p>
 * Notification ids are stable (made from the event's subject and the person), so the marks fit the rebuilt inbox.
 */
public interface NotificationMarks {

    /** Marks these notifications of the person read; one already read keeps the moment it was first read. */
    void markRead(String personId, Collection<String> notificationIds, Instant at);

    /** Of these notifications of the person, the ones they have read. */
    Set<String> readOf(String personId, Collection<String> notificationIds);

    /** How many notifications the person has read. */
    long readCount(String personId);

    /**
     * Claims the notification for mailing, durably: true the first time, false ever after, across restarts and
     * rebuilds. Claimed before the message is handed to the mail server, so that a crash in between loses that one
     * message rather than sending it twice.
     */
    boolean claimMail(String notificationId, Instant at);

    /** Gives a claim back when the mail server did not take the message, so that it is tried again. */
    void releaseMail(String notificationId);
}
