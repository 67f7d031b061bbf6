package org.accord.api.audit;

import java.time.Instant;

import org.accord.api.standard.Area;

/**
 * One entry of a trust's decision log: one event, in words. {@code position} counts the trust's records from 1;
 * {@code occurredAt} is when it happened in the domain (a vote that ended at its deadline ended then),
 * {@code recordedAt} when Accord recorded it.
 */
public record DecisionRecordView(String id, String trustId, long position, String type, Instant occurredAt,
                                 Instant recordedAt, String actorId, String subjectType, String subjectId, Area area,
                                 String summary, String rationale) {
}
