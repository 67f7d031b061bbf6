package org.accord.app.platform.projections;

import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projections' event processor runs, in one place: the processor, the embedded store's read-ahead and the
 * link verdicts kept for it all size themselves from the same batch.
 *
 * @param mode      {@code tracking} (one thread per segment, the default) or {@code pooled} (segments spread over
 *                  threads and, with Axon Server, over nodes)
 * @param segments  how many segments the processor's work is split into
 * @param batchSize events per transaction when that many are waiting (a rebuild, a catch-up); a live batch is as
 *                  small as what arrived
 * @param nodeId    the token claims' owner; blank: Axon's default (one per process)
 */
@ConfigurationProperties("accord.projections")
public record ProjectionProperties(@DefaultValue("tracking") String mode,
                                   @DefaultValue("1") int segments,
                                   @DefaultValue("1000") int batchSize,
                                   @DefaultValue("") String nodeId) {

    public ProjectionProperties {
        if (!Set.of("tracking", "pooled").contains(mode.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("accord.projections.mode must be tracking or pooled, was " + mode);
        }
        if (segments < 1) {
            throw new IllegalArgumentException("accord.projections.segments must be at least 1, was " + segments);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("accord.projections.batch-size (ACCORD_PROJECTION_BATCH_SIZE) must be"
                    + " at least 1, was " + batchSize);
        }
    }

    public boolean pooled() {
        return "pooled".equalsIgnoreCase(mode);
    }
}
