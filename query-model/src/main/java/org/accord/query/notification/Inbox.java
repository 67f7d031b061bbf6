package org.accord.query.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;

import org.accord.api.notification.NotificationKind;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where every kind of notification is put into inboxes: the one seam a new source uses. A feature that makes people
 * owe something (an attestation due, a review due) adds an event handler in the read-models processing group that
 * calls {@link #deliver} with its {@link org.accord.api.notification.NotificationKind} (and the event's ReplayStatus); the inbox query, the unread
 * count, the live subscription and the e-mail delivery then follow without further change.
 * <p>
 * Called from projections only (inside a batch of events), so that the inbox is derived from the events and rebuilt
 * with the other read models.
 */
@Component
public class Inbox {

    private final ReadModelStore store;
    private final NotificationFeed feed;

    public Inbox(ReadModelStore store, NotificationFeed feed) {
        this.store = store;
        this.feed = feed;
    }

    /** What one notification says, before it is addressed to its people. */
    public record Delivery(NotificationKind kind, String trustId, String subjectType, String subjectId, String title,
                           Instant createdAt, Instant dueAt) {
    }

    /**
     * Puts the notification into each person's inbox, once: a person already holding it (a redelivered or replayed
     * event) keeps it where it is. Outside a replay it is also offered to live subscribers, once its batch is stored,
     * and to the e-mail delivery.
     *
     * @param status whether the event is replayed (a rebuild): a replay tells no one and mails nothing. Axon's
     *               {@code ReplayStatus} parameter, not the tracking token: the token a handler is given is unwrapped
     *               from the replay token, so it never says "replay".
     */
    public void deliver(Collection<String> personIds, Delivery what, ReplayStatus status) {
        deliver(personIds, what, null, status);
    }

    /**
     * As {@link #deliver(Collection, Delivery, ReplayStatus)}, for a subject that asks again on another occasion (a
     * standard's next review date, a school's next period): the occasion is part of the notification's id, so each
     * occasion is a notification of its own and the same occasion never two.
     */
    public void deliver(Collection<String> personIds, Delivery what, String occasion, ReplayStatus status) {
        for (String personId : new LinkedHashSet<>(personIds)) {
            String id = idOf(what.kind(), occasion == null ? what.subjectId() : what.subjectId() + ":" + occasion,
                    personId);
            if (store.findById(NotificationDocument.class, id) != null) {
                continue;
            }
            InboxCountDocument count = store.findById(InboxCountDocument.class, personId);
            long position = count == null ? 0 : count.count();
            // the notification first, then the count: a crash between them redelivers the event onto the same row
            store.upsert(NotificationDocument.class, id, new Update()
                    .set("personId", personId)
                    .set("trustId", what.trustId())
                    .set("position", position)
                    .set("kind", what.kind())
                    .set("subjectType", what.subjectType())
                    .set("subjectId", what.subjectId())
                    .set("title", what.title())
                    .set("createdAt", what.createdAt())
                    .set("dueAt", what.dueAt()));
            store.upsert(InboxCountDocument.class, personId, new Update().set("count", position + 1));
            if (status != null && status.isReplay()) {
                continue; // the history again: nobody is told twice, nothing is mailed twice
            }
            store.upsert(MailOutboxDocument.class, id, new Update().set("createdAt", what.createdAt()));
            var view = NotificationQueries.view(new NotificationDocument(id, personId, what.trustId(), position,
                    what.kind(), what.subjectType(), what.subjectId(), what.title(), what.createdAt(), what.dueAt()));
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> feed.publish(view));
            } else {
                feed.publish(view);
            }
        }
    }

    /** The same event makes the same id for the same person, so rebuilds and redeliveries land on the same row. */
    public static String idOf(NotificationKind kind, String subjectId, String personId) {
        return kind.name().toLowerCase() + ":" + subjectId + ":" + personId;
    }
}
