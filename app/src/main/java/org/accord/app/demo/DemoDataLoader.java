package org.accord.app.demo;

import java.util.IdentityHashMap;
import java.util.Map;

import org.accord.app.shared.Commands;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.lifecycle.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads the demo trust into an empty store, through the same commands a client would cause, so the demo is in the
 * event log like anything else.
 * <p>
 * It runs as Axon starts, once the command handlers are subscribed and before the projections start: they then
 * take the demo's events in a few full batches instead of one or two at a time while the commands run (a shorter
 * first start). The application reports itself ready only once they have caught up (CatchUpBeforeReady).
 */
@Component
class DemoDataLoader implements ConfigurerModule {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final ObjectProvider<EventStore> eventStore;
    private final ObjectProvider<Commands> commands;
    private final boolean enabled;
    /** Whether this start loaded the demo, so that its requests follow once the projections run. */
    private volatile boolean loaded;

    /**
     * accord.demo is read when the app runs, not as a bean condition: the embedded mode's beans are fixed at build.
     * The store and the command path are looked up when Axon starts: they are made from the configuration this
     * module is part of.
     */
    DemoDataLoader(ObjectProvider<EventStore> eventStore, ObjectProvider<Commands> commands,
                   @Value("${accord.demo:true}") boolean enabled) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.enabled = enabled;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1, this::loadIntoAnEmptyStore);
        configurer.onStart(Phase.INBOUND_EVENT_CONNECTORS + 1, this::loadRequests);
    }

    void loadIntoAnEmptyStore() {
        if (!enabled || eventStore.getObject().createHeadToken() != null) {
            return; // the store has a history: never add the demo to it
        }
        var demo = DemoTrust.steps();
        Map<Object, String> actors = new IdentityHashMap<>();
        demo.forEach(step -> actors.put(step.command(), step.actorId()));
        commands.getObject().sendAll(demo.stream().map(DemoTrust.Step::command).toList(), actors::get);
        loaded = true;
        log.info("Loaded the demo trust ({} commands)", demo.size());
    }

    /**
     * The demo's requests from schools: a request is routed by the teams' remits as the read models hold them, so
     * they are sent once the projections have started and caught up with the rest of the demo.
     */
    void loadRequests() {
        if (!loaded) {
            return;
        }
        if (!commands.getObject().awaitReadModels()) {
            log.warn("The demo's requests from schools were not loaded: the read models did not catch up");
            return;
        }
        var requests = DemoTrust.requests();
        Map<Object, String> actors = new IdentityHashMap<>();
        requests.forEach(step -> actors.put(step.command(), step.actorId()));
        commands.getObject().sendAll(requests.stream().map(DemoTrust.Step::command).toList(), actors::get);
        log.info("Loaded the demo trust's requests from schools ({} commands)", requests.size());
    }
}
