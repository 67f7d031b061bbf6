package org.accord.app.notification;

import java.util.List;

import org.accord.api.notification.NotificationView;
import org.accord.app.shared.Connection;

/** A page of the caller's inbox as a Relay connection, with the counts every page shows. */
public record InboxConnection(List<Connection.Edge<NotificationView>> edges, Connection.PageInfo pageInfo,
                             long unreadCount, long totalCount) {
}
