package org.accord.app.production;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.axoniq.axonserver.connector.AxonServerConnection;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Axon Server for readiness: UP once it has answered a question just now (the head of its event store) within
 * {@link #ANSWER_WITHIN}, DOWN otherwise. Axon 4.13 ships a health indicator of its own, but its auto-configuration
 * is conditional on a Spring Boot 3 class and never applies under Boot 4, so there was none at all.
 * <p>
 * The connector's own "connected" flag was not enough: under load, with every request trying to reach a stopped Axon
 * Server, it stayed true for the whole outage while every mutation was refused; and a frozen server keeps its
 * connections open. A question with a deadline tells both.
 */
class AxonServerHealth extends AbstractHealthIndicator {

    static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    private final AxonServerConnectionManager connections;

    AxonServerHealth(AxonServerConnectionManager connections) {
        super("Axon Server check failed");
        this.connections = connections;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws InterruptedException {
        String context = connections.getDefaultContext();
        builder.withDetail("context", context);
        if (!connections.isConnected(context)) {
            builder.down().withDetail("problem", "not connected to Axon Server: mutations are refused as UNAVAILABLE"
                    + " until the connector reconnects by itself");
            return;
        }
        AxonServerConnection connection = connections.getConnection(context);
        try {
            Long head = connection.eventChannel().getLastToken()
                    .get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            builder.up().withDetail("head", head);
        } catch (TimeoutException silent) {
            builder.down().withDetail("problem", "Axon Server did not answer within " + ANSWER_WITHIN.toSeconds()
                    + " s");
        } catch (ExecutionException failed) {
            builder.down().withDetail("problem", "Axon Server cannot be reached: "
                    + String.valueOf(failed.getCause().getMessage()));
        }
    }
}
