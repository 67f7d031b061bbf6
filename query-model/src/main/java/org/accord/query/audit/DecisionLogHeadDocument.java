package org.accord.query.audit;

import org.accord.query.shared.RedeliveryGuard;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The highest position among a trust's records ({@code count}: how many it holds, unless an event was kept out of the
 * read models and left a gap), and the global position of the last event written to it: an event at or before that
 * position is a redelivery and is not written again.
 */
@RedeliveryGuard
@Document("decision_log_heads")
public record DecisionLogHeadDocument(@Id String trustId, long count, long lastGlobalIndex) {
}
