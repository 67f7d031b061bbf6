package org.accord.app.production;

import java.time.Duration;

import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A start before Axon Server waits for it, instead of failing on whichever part tries it first: the projections'
 * processors give up starting after about three seconds without an event stream, which ended the start (or, before
 * the application exited on a failed start, left the JVM running with no port open). Runs just before the processors
 * start; the web server is already listening, with readiness DOWN, and the log says what is awaited every ten
 * seconds. Past {@code accord.startup-catch-up-timeout} the start fails, naming Axon Server.
 */
final class AxonServerAtStart implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(AxonServerAtStart.class);
    private static final Duration WORD_EVERY = Duration.ofSeconds(10);

    private final Duration timeout;

    AxonServerAtStart(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onInitialize(configuration -> configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
                () -> await(configuration.getComponent(AxonServerConnectionManager.class))));
    }

    private void await(AxonServerConnectionManager connections) {
        String context = connections.getDefaultContext();
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextWord = 0;
        while (!connections.isConnected(context)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Axon Server could not be reached within " + timeout
                        + " (accord.startup-catch-up-timeout); check AXON_AXONSERVER_SERVERS and that it runs");
            }
            if (System.nanoTime() > nextWord) {
                log.warn("Not ready yet: waiting for Axon Server (context '{}'); the connector retries by itself",
                        context);
                nextWord = System.nanoTime() + WORD_EVERY.toNanos();
            }
            try {
                connections.getConnection(context); // starts connecting if nothing else has yet
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Axon Server", e);
            }
        }
    }
}
