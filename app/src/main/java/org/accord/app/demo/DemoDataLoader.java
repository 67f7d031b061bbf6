package org.accord.app.demo;

import java.util.IdentityHashMap;
import java.util.Map;

import org.accord.app.shared.Commands;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Loads the demo trust into an empty store, through the same commands a client would cause, so the demo is in the
 * event log like anything else. Runs before the application reports itself ready.
 */
@Component
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final EventStore eventStore;
    private final Commands commands;

    private final boolean enabled;

    /** accord.demo is read when the app runs, not as a bean condition: the embedded mode's beans are fixed at build. */
    DemoDataLoader(EventStore eventStore, Commands commands, @Value("${accord.demo:true}") boolean enabled) {
        this.eventStore = eventStore;
        this.commands = commands;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || eventStore.createHeadToken() != null) {
            return; // the store has a history: never add the demo to it
        }
        var demo = DemoTrust.steps();
        Map<Object, String> actors = new IdentityHashMap<>();
        demo.forEach(step -> actors.put(step.command(), step.actorId()));
        commands.sendAll(demo.stream().map(DemoTrust.Step::command).toList(), actors::get);
        log.info("Loaded the demo trust ({} commands)", demo.size());
    }
}
