package org.accord.app.demo;

import java.util.IdentityHashMap;
import java.util.Map;

import org.accord.app.shared.Commands;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads the demo trust into an empty store, through the same commands a client would cause, so the demo is in the
 * event log like anything else. Runs before the application reports itself ready.
 */
@Component
@ConditionalOnProperty(name = "accord.demo", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final EventStore eventStore;
    private final Commands commands;

    DemoDataLoader(EventStore eventStore, Commands commands) {
        this.eventStore = eventStore;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (eventStore.createHeadToken() != null) {
            return; // the store has a history: never add the demo to it
        }
        var demo = DemoTrust.steps();
        Map<Object, String> actors = new IdentityHashMap<>();
        demo.forEach(step -> actors.put(step.command(), step.actorId()));
        commands.sendAll(demo.stream().map(DemoTrust.Step::command).toList(), actors::get);
        log.info("Loaded the demo trust ({} commands)", demo.size());
    }
}
