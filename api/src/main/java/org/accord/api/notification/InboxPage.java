package org.accord.api.notification;

import java.util.List;

/** A page of a person's inbox, newest first, and how many notifications the inbox holds in all. */
public record InboxPage(List<NotificationView> notifications, List<String> cursors, boolean hasNextPage,
                        long totalCount) {
}
