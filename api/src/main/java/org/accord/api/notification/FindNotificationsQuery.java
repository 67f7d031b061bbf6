package org.accord.api.notification;

import java.util.List;

/** These notifications, whoever's they are (the caller checks whose); unknown ids are left out. */
public record FindNotificationsQuery(List<String> notificationIds) {
}
