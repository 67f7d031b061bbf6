package org.accord.app.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.accord.query.shared.ReadModels;
import org.springframework.stereotype.Component;

/**
 * {@code accord.projection.lag}: events the read models' processor (every projection's) still has to process on this
 * node (head of the event store minus its lowest segment's position), and {@code accord.projection.errors}: 1 while it
 * is in an error state. Axon's own monitors (axon-micrometer) add command rates, failures and each processor's
 * latency in time.
 */
@Component
class ProjectionLagMetrics implements MeterBinder {

    private final ProcessorPositions positions;

    ProjectionLagMetrics(ProcessorPositions positions) {
        this.positions = positions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        // the processors are known once Axon has started, after the registry is bound: gauges look them up by name
        String name = ReadModels.PROCESSOR;
        Gauge.builder("accord.projection.lag", () -> lag(name))
                .tag("processor", name).baseUnit("events")
                .description("events between the head of the event store and the projections").register(registry);
        Gauge.builder("accord.projection.errors", () -> errors(name))
                .tag("processor", name)
                .description("1 while the projections are in an error state").register(registry);
    }

    private double lag(String name) {
        return positions.all().stream().filter(p -> p.processor().equals(name) && p.behind() != null)
                .mapToLong(ProcessorPositions.Position::behind).findFirst().orElse(0);
    }

    private double errors(String name) {
        return positions.all().stream().anyMatch(p -> p.processor().equals(name) && p.error()) ? 1 : 0;
    }
}
