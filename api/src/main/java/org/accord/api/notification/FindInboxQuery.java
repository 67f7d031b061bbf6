package org.accord.api.notification;

/** A page of one person's inbox, newest first; {@code after} is a cursor of an earlier page. */
public record FindInboxQuery(String personId, int first, String after) {
}
