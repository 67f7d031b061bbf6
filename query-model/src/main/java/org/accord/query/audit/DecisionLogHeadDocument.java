package org.accord.query.audit;

import org.accord.query.shared.RedeliveryGuard;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many records a trust's log holds, and the global position of the last event written to it: an event at or
 * before that position is a redelivery and is not written again.
 */
@RedeliveryGuard
@Document("decision_log_heads")
public record DecisionLogHeadDocument(@Id String trustId, long count, long lastGlobalIndex) {
}
