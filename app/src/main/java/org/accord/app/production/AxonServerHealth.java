package org.accord.app.production;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Axon Server for readiness: UP while the connector holds a connection to the default context, DOWN otherwise (not
 * reached yet at start-up, or lost). Axon 4.13 ships a health indicator of its own, but its auto-configuration is
 * conditional on a Spring Boot 3 class and never applies under Boot 4, so there was none at all.
 * <p>
 * Reading the state does not connect: the connector reconnects by itself in the background, and readiness follows.
 */
class AxonServerHealth extends AbstractHealthIndicator {

    private final AxonServerConnectionManager connections;

    AxonServerHealth(AxonServerConnectionManager connections) {
        super("Axon Server check failed");
        this.connections = connections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String context = connections.getDefaultContext();
        if (connections.isConnected(context)) {
            builder.up().withDetail("context", context);
        } else {
            builder.down().withDetail("context", context)
                    .withDetail("problem", "not connected to Axon Server: mutations are refused as UNAVAILABLE"
                            + " until the connector reconnects by itself");
        }
    }
}
