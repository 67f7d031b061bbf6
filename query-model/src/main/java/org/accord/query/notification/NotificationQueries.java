package org.accord.query.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.api.notification.FindInboxQuery;
import org.accord.api.notification.FindNotificationsQuery;
import org.accord.api.notification.FindNotificationsToMailQuery;
import org.accord.api.notification.InboxPage;
import org.accord.api.notification.NotificationView;
import org.accord.api.proposal.FindVotingRemindersDueQuery;
import org.accord.query.shared.Cursors;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class NotificationQueries {

    private static final String CURSOR_LIST = "inbox";
    /** Later than any notification (the stores keep dates as milliseconds, so not Instant.MAX). */
    private static final java.time.Instant EVER = java.time.Instant.parse("9999-01-01T00:00:00Z");

    private final ReadModelStore store;

    public NotificationQueries(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Newest first. Positions are dense per person (0, 1, 2, … as they arrived), so a page is the one range just below
     * the cursor's position (or the count), read in order and walked backwards. A cursor is the notification's
     * position.
     */
    @QueryHandler
    public InboxPage handle(FindInboxQuery query) {
        InboxCountDocument count = store.findById(InboxCountDocument.class, query.personId());
        long total = count == null ? 0 : count.count();
        long below = query.after() == null ? total
                : Math.min(total, Cursors.startAfter(CURSOR_LIST, query.after()) - 1L);
        long from = Math.max(0, below - query.first());
        List<NotificationDocument> rows = below <= 0 ? List.of() : store.findPage(NotificationDocument.class,
                Map.of("personId", query.personId()), "position", from - 1, (int) (below - from));
        List<NotificationView> notifications = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            notifications.add(view(rows.get(i)));
            cursors.add(Cursors.encode(CURSOR_LIST, rows.get(i).position().intValue()));
        }
        return new InboxPage(notifications, cursors, from > 0, total);
    }

    @QueryHandler
    public List<NotificationView> handle(FindNotificationsQuery query) {
        return store.findByIds(NotificationDocument.class, query.notificationIds(), NotificationDocument::id)
                .stream().map(NotificationQueries::view).toList();
    }

    @QueryHandler
    public List<NotificationView> handle(FindNotificationsToMailQuery query) {
        List<MailOutboxDocument> due = store.findDue(MailOutboxDocument.class, "createdAt", EVER);
        List<String> ids = due.stream().limit(query.limit()).map(MailOutboxDocument::notificationId).toList();
        return handle(new FindNotificationsQuery(ids));
    }

    @QueryHandler
    public List<String> handle(FindVotingRemindersDueQuery query) {
        return store.findDue(VotingReminderDocument.class, "remindAt", query.now()).stream()
                .map(VotingReminderDocument::proposalId)
                .toList();
    }

    static NotificationView view(NotificationDocument n) {
        return new NotificationView(n.id(), n.personId(), n.trustId(), n.kind(), n.subjectType(), n.subjectId(),
                n.title(), n.createdAt(), n.dueAt());
    }
}
