package org.accord.query.audit;

import java.time.Instant;

import org.accord.api.standard.Area;

/**
 * What an event means to a board member: what kind of thing it was about, which one, in which area, a sentence, the
 * rationale given and when it happened in the domain. Names of people never appear: records name people by id, and
 * their names are looked up (or found erased) when the log is read.
 */
record Narration(String subjectType, String subjectId, Area area, String summary, String rationale,
                 Instant occurredAt, String title) {
}
