package org.accord.api.trust;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A cluster of the trust's schools was formed, led by {@code leadId} from {@code effectiveFrom} (valid time);
 * {@code recordedAt} is when the trust recorded it (record time). It has no schools until they join it.
 */
public record ClusterFormedEvent(String trustId, String clusterId, String name, String leadId,
                                 LocalDate effectiveFrom, String formedBy, Instant recordedAt) {
}
