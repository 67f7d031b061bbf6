package org.accord.api.notification;

/**
 * The oldest notifications, at most {@code limit}, that appeared since the last time the mail outbox was emptied:
 * what the e-mail delivery looks at next. Whether one was already sent is kept apart, durably, by the sender.
 */
public record FindNotificationsToMailQuery(int limit) {
}
