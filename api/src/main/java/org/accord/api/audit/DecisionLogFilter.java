package org.accord.api.audit;

import java.time.Instant;
import java.util.List;

import org.accord.api.standard.Area;

/** Narrows a decision log; every field is optional. {@code from} and {@code to} bound {@code occurredAt}. */
public record DecisionLogFilter(String actorId, List<String> types, String subjectId, Area area, Instant from,
                                Instant to) {

    public static DecisionLogFilter none() {
        return new DecisionLogFilter(null, null, null, null, null, null);
    }

    public boolean accepts(DecisionRecordView record) {
        return (actorId == null || actorId.equals(record.actorId()))
                && (types == null || types.isEmpty() || types.contains(record.type()))
                && (subjectId == null || subjectId.equals(record.subjectId()))
                && (area == null || area == record.area())
                && (from == null || !record.occurredAt().isBefore(from))
                && (to == null || !record.occurredAt().isAfter(to));
    }
}
