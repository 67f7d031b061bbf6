package org.accord.app.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.accord.api.notification.FindInboxQuery;
import org.accord.api.notification.FindNotificationsQuery;
import org.accord.api.notification.InboxPage;
import org.accord.api.notification.NotificationView;
import org.accord.api.shared.DomainException;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Check;
import org.accord.app.shared.Commands;
import org.accord.app.shared.Connection;
import org.accord.app.shared.Queries;
import org.accord.query.notification.NotificationFeed;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

import reactor.core.publisher.Flux;

/**
 * The caller's inbox: read, marked read, and followed live. There is no argument naming whose inbox: it is always the
 * authenticated caller's, so nobody can ask for another person's (and so never for another trust's).
 */
@Controller
public class NotificationController {

    /** How many notifications one markNotificationsRead may name, like a page. */
    private static final int MAX_MARKED = 500;

    private final Queries queries;
    private final Commands commands;
    private final NotificationMarks marks;
    private final NotificationFeed feed;

    public NotificationController(Queries queries, Commands commands, NotificationMarks marks,
                                  NotificationFeed feed) {
        this.queries = queries;
        this.commands = commands;
        this.marks = marks;
        this.feed = feed;
    }

    @QueryMapping
    public InboxConnection inbox(@Argument Integer first, @Argument String after,
                                 @AuthenticationPrincipal AccordUser caller) {
        InboxPage page = queries.one(new FindInboxQuery(caller.personId(), Check.pageSize(first), after),
                InboxPage.class);
        Connection<NotificationView> connection = Connection.of(page.notifications(), page.cursors(),
                page.hasNextPage());
        return new InboxConnection(connection.edges(), connection.pageInfo(), unread(caller, page.totalCount()),
                page.totalCount());
    }

    /**
     * Not an event (docs/decisions.md, "Notifications"): a read mark is kept per person beside the events. Marking is
     * idempotent by nature, so a retry with the same clientMutationId changes nothing further. A notification that is
     * not the caller's is unknown to them, exactly like one that does not exist: nothing is marked then.
     */
    @MutationMapping
    public MarkNotificationsReadPayload markNotificationsRead(@Argument MarkNotificationsReadInput input,
                                                              @AuthenticationPrincipal AccordUser caller) {
        boolean all = Boolean.TRUE.equals(input.all());
        List<String> ids = input.notificationIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(input.notificationIds()));
        if (all == !ids.isEmpty()) {
            throw DomainException.badRequest("name the notifications to mark read in notificationIds, or set all"
                    + " to true; not both, not neither");
        }
        if (ids.size() > MAX_MARKED) {
            throw DomainException.badRequest("at most " + MAX_MARKED + " notifications at a time; use all to mark"
                    + " every one");
        }
        // the read models first, so that a notification delivered just before this mutation is known to it
        commands.awaitReadModels();
        Instant now = Instant.now();
        List<NotificationView> named = List.of();
        if (all) {
            String after = null;
            InboxPage page;
            do {
                page = queries.one(new FindInboxQuery(caller.personId(), MAX_MARKED, after), InboxPage.class);
                marks.markRead(caller.personId(), page.notifications().stream().map(NotificationView::id).toList(),
                        now);
                after = page.cursors().isEmpty() ? null : page.cursors().get(page.cursors().size() - 1);
            } while (page.hasNextPage());
        } else {
            Map<String, NotificationView> found = queries.list(new FindNotificationsQuery(ids),
                    NotificationView.class).stream()
                    .collect(Collectors.toMap(NotificationView::id, Function.identity(), (a, b) -> a));
            for (String id : ids) {
                NotificationView n = found.get(id);
                if (n == null || !n.personId().equals(caller.personId())) {
                    throw DomainException.notFound("unknown notification '" + id + "'");
                }
            }
            marks.markRead(caller.personId(), ids, now);
            named = ids.stream().map(found::get).toList();
        }
        InboxPage head = queries.one(new FindInboxQuery(caller.personId(), 1, null), InboxPage.class);
        return new MarkNotificationsReadPayload(input.clientMutationId(), named,
                unread(caller, head.totalCount()));
    }

    @SubscriptionMapping
    public Flux<NotificationView> notificationReceived(@AuthenticationPrincipal AccordUser caller) {
        if (caller == null || caller.personId() == null) {
            return Flux.error(DomainException.forbidden("sign in to follow your inbox"));
        }
        return feed.of(caller.personId());
    }

    /**
     * A notification's read mark is its own person's: every notification this API hands out is the caller's (the
     * inbox, the payload and the subscription are only ever theirs), so the mark asked about is the caller's too.
     */
    @BatchMapping(typeName = "Notification", field = "read")
    public Map<NotificationView, Boolean> read(List<NotificationView> notifications) {
        Map<String, List<NotificationView>> byPerson = notifications.stream()
                .collect(Collectors.groupingBy(NotificationView::personId));
        Set<NotificationView> read = new java.util.HashSet<>();
        byPerson.forEach((personId, theirs) -> {
            Set<String> ids = marks.readOf(personId, new ArrayList<>(theirs.stream().map(NotificationView::id)
                    .toList()));
            theirs.stream().filter(n -> ids.contains(n.id())).forEach(read::add);
        });
        return notifications.stream().collect(Collectors.toMap(Function.identity(), read::contains, (a, b) -> a));
    }

    private long unread(AccordUser caller, long total) {
        return Math.max(0, total - marks.readCount(caller.personId()));
    }
}
