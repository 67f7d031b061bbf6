package org.accord.api.audit;

/** A page of a trust's decision log, oldest first, after the record whose cursor is {@code after}. */
public record FindDecisionLogQuery(String trustId, DecisionLogFilter filter, int first, String after) {
}
