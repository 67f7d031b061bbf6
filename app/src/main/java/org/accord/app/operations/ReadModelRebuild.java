package org.accord.app.operations;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.accord.app.shared.ProjectionCatchUp;
import org.accord.app.shared.SharedTokenPositions;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every read model from the event store while the application keeps serving: stops every projection,
 * resets their tokens (each projection's {@code @ResetHandler} clears its documents, guards against redelivery
 * included), and starts them again, to replay from the first event. All projections are reset together because
 * some documents (a trust's) are written by several of them.
 * <p>
 * Queries answer throughout, from read models that fill up as the replay goes; a mutation still waits for its own
 * events to be projected (read-your-writes), so during a rebuild it waits for the replay to reach it, up to
 * {@code accord.read-your-writes-timeout}.
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

    private final ProcessorPositions positions;
    private final ProjectionCatchUp catchUp;
    private final SharedTokenPositions sharedTokens;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Run> last = new AtomicReference<>(Run.NONE);

    public ReadModelRebuild(ProcessorPositions positions, ProjectionCatchUp catchUp,
                            SharedTokenPositions sharedTokens) {
        this.positions = positions;
        this.catchUp = catchUp;
        this.sharedTokens = sharedTokens;
    }

    /**
     * Starts a rebuild in the background and returns at once.
     *
     * @throws IllegalStateException when a rebuild is already under way
     */
    public synchronized Run start() {
        Run current = current();
        if (current.state().equals("RUNNING") || current.state().equals("REPLAYING")) {
            throw new IllegalStateException("a rebuild is already under way, started at " + current.startedAt());
        }
        Run started = new Run("RUNNING", Instant.now(), null, null, null, null);
        last.set(started);
        worker.submit(catchUp.restarting(this::rebuild));
        return started;
    }

    /**
     * The last rebuild, REPLAYING until every segment of every projection has stored a token past the head the store
     * had at the reset: read from the shared token store, so segments that are not (or not yet) claimed on this node
     * count as well, and a token is stored only after the documents it covers.
     */
    public Run current() {
        Run run = last.get();
        if (run.state().equals("REPLAYING") && positions.processors().stream().allMatch(p -> p.isRunning()
                && sharedTokens.reached(p.getName(), run.target()))) {
            Run done = new Run("DONE", run.startedAt(), run.resetAt(), run.target(), Instant.now(), null);
            last.compareAndSet(run, done);
            log.info("read models rebuilt: started {}, finished {}", done.startedAt(), done.finishedAt());
            return done;
        }
        return run;
    }

    private void rebuild() {
        Run run = last.get();
        List<StreamingEventProcessor> processors = positions.processors();
        try {
            // all at once: each waits for its workers to finish their batch
            CompletableFuture.allOf(processors.stream().map(StreamingEventProcessor::shutdownAsync)
                    .toArray(CompletableFuture[]::new)).join();
            long target = positions.head();
            for (StreamingEventProcessor processor : processors) {
                if (!processor.supportsReset()) {
                    throw new IllegalStateException("projection " + processor.getName() + " cannot be replayed");
                }
                processor.resetTokens();
            }
            Instant resetAt = Instant.now();
            // an empty store has nothing to replay
            last.set(target < 0 ? new Run("DONE", run.startedAt(), resetAt, target, resetAt, null)
                    : new Run("REPLAYING", run.startedAt(), resetAt, target, null, null));
            log.info("read models reset; replaying {} projections", processors.size());
        } catch (UnableToClaimTokenException e) {
            fail(run, "another node holds a projection's segment (" + e.getMessage() + "): stop the projections on"
                    + " the other nodes, or scale to one replica, and try again");
        } catch (RuntimeException e) {
            log.error("rebuild failed", e);
            fail(run, e.getMessage());
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }
    }

    private void fail(Run run, String problem) {
        last.set(new Run("FAILED", run.startedAt(), null, null, Instant.now(), problem));
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
