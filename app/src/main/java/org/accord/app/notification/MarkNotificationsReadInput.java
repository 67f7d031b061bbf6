package org.accord.app.notification;

import java.util.List;

public record MarkNotificationsReadInput(String clientMutationId, List<String> notificationIds, Boolean all) {
}
