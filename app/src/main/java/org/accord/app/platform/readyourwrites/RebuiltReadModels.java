package org.accord.app.platform.readyourwrites;

import java.util.Optional;

import org.accord.query.shared.ReadModelGenerations;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts rebuilt read models live the moment they are complete: once every projection has stored a token at or past the
 * head the rebuild started from (a token commits with the documents it covers), the generation they built replaces
 * the one queries read, in one step. Asked by read-your-writes before a mutation returns (so that its query reads the
 * generation that holds its change), by the rebuild's progress, and after a restart that found a build under way.
 * A runtime whose store keeps no generations has nothing to switch.
 */
@Component
public class RebuiltReadModels {

    private static final Logger log = LoggerFactory.getLogger(RebuiltReadModels.class);

    private final ObjectProvider<ReadModelGenerations> generations;
    /**
     * The store once found: every mutation asks for the build under way while it waits for its read models, and
     * looking the bean up each time was an eighth of that wait's CPU (docs/benchmarks.md, run 23).
     */
    private volatile ReadModelGenerations store;
    private final EventProcessingConfiguration processing;
    private final SharedTokenPositions tokens;

    public RebuiltReadModels(ObjectProvider<ReadModelGenerations> generations, EventProcessingConfiguration processing,
                             SharedTokenPositions tokens) {
        this.generations = generations;
        this.processing = processing;
        this.tokens = tokens;
    }

    /** The build under way, if the store keeps generations and one is being built. */
    public Optional<ReadModelGenerations.Build> building() {
        ReadModelGenerations store = store();
        return store == null ? Optional.empty() : store.building();
    }

    private ReadModelGenerations store() {
        ReadModelGenerations known = store;
        if (known == null) {
            known = generations.getIfAvailable();
            store = known;
        }
        return known;
    }

    /**
     * Puts the build live if every projection has passed its target.
     *
     * @return whether a build is still under way
     */
    public boolean goLiveIfReplayed() {
        // every mutation asks (read-your-writes): without a build, the answer costs no lock and no query
        return building().isPresent() && goLiveIfReplayedAlone();
    }

    private synchronized boolean goLiveIfReplayedAlone() {
        Optional<ReadModelGenerations.Build> build = building();
        if (build.isEmpty()) {
            return false;
        }
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor
                    && !tokens.reached(processor.getName(), build.get().target())) {
                return true;
            }
        }
        ReadModelGenerations store = store();
        store.goLive(build.get());
        if (store.building().equals(build)) {
            // refused: its token resets were never all recorded (a crash cut them short); ReadModelRebuild starts
            // it over
            return true;
        }
        log.info("rebuilt read models live: generation {}, complete up to event {}", build.get().generation(),
                build.get().target());
        return false;
    }
}
