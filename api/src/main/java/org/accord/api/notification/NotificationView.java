package org.accord.api.notification;

import java.time.Instant;

/**
 * One item of a person's inbox: what needs them ({@code kind}), about what ({@code subjectType} and
 * {@code subjectId}: a proposal, a variation, a request…), in words ({@code title}), since when, and by when it is
 * due, if it has a deadline. Whether the person has read it is kept apart (per person, not in the events).
 */
public record NotificationView(String id, String personId, String trustId, NotificationKind kind, String subjectType,
                               String subjectId, String title, Instant createdAt, Instant dueAt) {
}
