package org.accord.app.notification;

import java.util.List;

import org.accord.api.notification.NotificationView;

public record MarkNotificationsReadPayload(String clientMutationId, List<NotificationView> notifications,
                                          long unreadCount) {
}
