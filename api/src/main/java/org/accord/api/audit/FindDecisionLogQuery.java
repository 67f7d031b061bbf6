package org.accord.api.audit;

/**
 * A page of a trust's decision log after the record whose cursor is {@code after}: oldest first, or newest first
 * when {@code newestFirst} (then "after" means older than). A cursor names the same record in either order.
 */
public record FindDecisionLogQuery(String trustId, DecisionLogFilter filter, int first, String after,
                                   boolean newestFirst) {

    public FindDecisionLogQuery(String trustId, DecisionLogFilter filter, int first, String after) {
        this(trustId, filter, first, after, false);
    }
}
