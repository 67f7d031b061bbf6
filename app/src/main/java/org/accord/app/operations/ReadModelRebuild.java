package org.accord.app.operations;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.accord.app.platform.readyourwrites.ProjectionCatchUp;
import org.accord.app.platform.readyourwrites.SharedTokenPositions;
import org.accord.app.platform.projections.ProjectionTransactions;
import org.accord.app.platform.readyourwrites.RebuiltReadModels;
import org.accord.query.shared.ReadModelGenerations;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every read model from the event store while the application keeps serving: stops every projection, begins
 * a new generation of the read models ({@link ReadModelGenerations}) and resets every projection's token (each
 * projection's {@code @ResetHandler} clears its documents in the new generation, guards against redelivery included)
 * in one transaction, and starts them again, to replay from the first event into the new generation. All projections
 * are reset together because some documents (a trust's) are written by several of them. Once every projection has
 * passed the head of the store at the reset, the new generation goes live in one step ({@link RebuiltReadModels}).
 * <p>
 * Queries answer throughout from the old generation, complete as it was when the rebuild began; a mutation still
 * waits for its own events to be projected (read-your-writes), so during a rebuild it waits for the replay to reach
 * it, and then for the switch, up to {@code accord.read-your-writes-timeout}. A crash at any point leaves the old
 * generation live; after the restart the replay resumes from the tokens and the switch follows.
 * <p>
 * Production (MongoDB) has no transaction across the resets: the build is recorded first, the resets follow, and
 * then the mark that they are all done ({@link ReadModelGenerations#tokensReset}); a build without that mark never
 * goes live, and a restart that finds one starts the rebuild over. Only one node rebuilds: a reset claims every
 * segment of its projection, so with another replica's projections running the rebuild fails (and is given up,
 * {@link ReadModelGenerations#abandon}) rather than replay beside them.
 */
@Component
public class ReadModelRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    /**
     * What the last rebuild did; {@code state} is IDLE, RUNNING (stopping and resetting), REPLAYING, DONE or FAILED.
     * {@code target} is the head of the event store when the projections were reset: the replay is done once every
     * projection has passed it.
     */
    public record Run(String state, Instant startedAt, Instant resetAt, Long target, Instant finishedAt,
                      String problem) {
        static final Run NONE = new Run("IDLE", null, null, null, null, null);
    }

    private static final long WATCH_EVERY_MILLIS = 200;

    private final ProcessorPositions positions;
    private final ProjectionCatchUp catchUp;
    private final SharedTokenPositions sharedTokens;
    private final ProjectionTransactions transactions;
    private final RebuiltReadModels rebuilt;
    private final ObjectProvider<ReadModelGenerations> generations;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Run> last = new AtomicReference<>(Run.NONE);
    /** A build a crash cut short between its token resets: started over once the context has started. */
    private volatile boolean startOver;

    public ReadModelRebuild(ProcessorPositions positions, ProjectionCatchUp catchUp,
                            SharedTokenPositions sharedTokens, ProjectionTransactions transactions,
                            RebuiltReadModels rebuilt, ObjectProvider<ReadModelGenerations> generations) {
        this.positions = positions;
        this.catchUp = catchUp;
        this.sharedTokens = sharedTokens;
        this.transactions = transactions;
        this.rebuilt = rebuilt;
        this.generations = generations;
        // a build a crash interrupted resumes from its tokens: report it, and switch once it is done
        rebuilt.building().ifPresent(build -> {
            if (!generations.getObject().tokensWereReset(build)) {
                log.info("a rebuild of the read models was cut short while resetting the projections (generation"
                        + " {}); it starts over, and until it is done queries read the previous generation",
                        build.generation());
                startOver = true;
                last.set(new Run("RUNNING", Instant.now(), null, null, null, null));
                return;
            }
            log.info("a rebuild of the read models was under way; it resumes (generation {}, up to event {}), and"
                    + " until it is done queries read the previous generation", build.generation(), build.target());
            last.set(new Run("REPLAYING", null, null, build.target(), null, null));
        });
    }

    /** Watches only once the context has started: asking for the processors earlier would make them on this thread. */
    @EventListener(ApplicationStartedEvent.class)
    public void watchFromNowOn() {
        worker.scheduleWithFixedDelay(this::watch, WATCH_EVERY_MILLIS, WATCH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        if (startOver) {
            worker.submit(catchUp.restarting(this::rebuild));
        }
    }

    /**
     * Starts a rebuild in the background and returns at once.
     *
     * @throws IllegalStateException when a rebuild is already under way
     */
    public synchronized Run start() {
        Run current = current();
        if (current.state().equals("RUNNING") || current.state().equals("REPLAYING")) {
            throw new IllegalStateException("a rebuild is already under way, " + (current.startedAt() == null
                    ? "resumed after a restart" : "started at " + current.startedAt()));
        }
        Run started = new Run("RUNNING", Instant.now(), null, null, null, null);
        last.set(started);
        worker.submit(catchUp.restarting(this::rebuild));
        return started;
    }

    /**
     * The last rebuild, REPLAYING until every segment of every projection has stored a token past the head the store
     * had at the reset and the rebuilt generation is live: read from the shared token store, so segments that are not
     * (or not yet) claimed on this node count as well, and a token is stored only after the documents it covers.
     */
    public Run current() {
        Run run = last.get();
        if (run.state().equals("REPLAYING") && !rebuilt.goLiveIfReplayed()
                && positions.processors().stream().allMatch(p -> p.isRunning()
                && sharedTokens.reached(p.getName(), run.target()))) {
            Run done = new Run("DONE", run.startedAt(), run.resetAt(), run.target(), Instant.now(), null);
            if (last.compareAndSet(run, done)) {
                log.info("read models rebuilt: started {}, finished {}", done.startedAt(), done.finishedAt());
                return done;
            }
            return last.get();
        }
        return run;
    }

    private void rebuild() {
        Run run = last.get();
        List<StreamingEventProcessor> processors = positions.processors();
        AtomicReference<ReadModelGenerations.Build> building = new AtomicReference<>();
        try {
            // all at once: each waits for its workers to finish their batch
            CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                    .toArray(CompletableFuture[]::new)).join();
            long target = positions.head();
            for (StreamingEventProcessor processor : processors) {
                if (!processor.supportsReset()) {
                    throw new IllegalStateException("projection " + processor.getName() + " cannot be replayed");
                }
            }
            // one transaction where the runtime has one (the embedded read-model database holds the tokens too): a
            // crash leaves either no build, or a build with every token reset; never a build that some projections
            // would skip from their old positions
            ReadModelGenerations store = generations.getIfAvailable();
            transactions.manager().executeInTransaction(() -> {
                if (store != null) {
                    building.set(store.beginBuild(target));
                }
                processors.forEach(StreamingEventProcessor::resetTokens);
            });
            if (building.get() != null) {
                store.tokensReset(building.get());
            }
            Instant resetAt = Instant.now();
            // an empty store has nothing to replay
            if (target < 0) {
                rebuilt.goLiveIfReplayed();
            }
            last.set(target < 0 ? new Run("DONE", run.startedAt(), resetAt, target, resetAt, null)
                    : new Run("REPLAYING", run.startedAt(), resetAt, target, null, null));
            log.info("read models reset; replaying {} projections", processors.size());
        } catch (UnableToClaimTokenException e) {
            giveUp(building.get());
            fail(run, "another node holds a projection's segment (" + e.getMessage() + "): stop the projections on"
                    + " the other nodes, or scale to one replica, and try again");
        } catch (RuntimeException e) {
            log.error("rebuild failed", e);
            giveUp(building.get());
            fail(run, e.getMessage());
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
    }

    /**
     * A build whose resets did not all happen (where they roll back with it, it is gone already): the projections go
     * back to the live generation. One reset before the failure replays into it from the start; its documents are
     * upserts of absolute values, so they converge again by the head (a reset claims every segment of its projection
     * before it changes anything, so with another replica running, the first projection usually fails, before any).
     */
    private void giveUp(ReadModelGenerations.Build build) {
        if (build == null) {
            return;
        }
        try {
            generations.getObject().abandon(build);
        } catch (RuntimeException e) {
            log.error("the unfinished build (generation {}) could not be given up; it never goes live, and the next"
                    + " start begins it again", build.generation(), e);
        }
    }

    private void fail(Run run, String problem) {
        last.set(new Run("FAILED", run.startedAt(), null, null, Instant.now(), problem));
    }

    /** Puts a finished build live without waiting for anyone to ask for the progress. */
    private void watch() {
        try {
            if (last.get().state().equals("REPLAYING")) {
                current();
            }
        } catch (RuntimeException e) {
            log.debug("rebuild progress not read this time", e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
