package org.accord.app.platform.readyourwrites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.accord.query.shared.ReadModelGenerations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.StaticApplicationContext;

/**
 * A start waits for the projections to catch up. A projection in Axon's retry mode (one SQLITE_BUSY behind another
 * projection's long batch, a disk that was full) may recover on its next try: the start waits for it within its time
 * limit, rather than failing at once under a message that says the limit passed.
 */
class CatchUpBeforeReadyTest {

    @Test
    void a_projection_that_fails_once_and_then_catches_up_does_not_stop_the_start() {
        AtomicInteger tries = new AtomicInteger();
        ScriptedCatchUp catchUp = new ScriptedCatchUp(() -> tries.incrementAndGet() >= 3,
                () -> tries.get() < 3 ? Optional.of(new IllegalStateException("SQLITE_BUSY")) : Optional.empty());

        new CatchUpBeforeReady(catchUp, noBuild(), Duration.ofSeconds(30)).run(null);

        assertThat(tries.get()).isEqualTo(3);
    }

    @Test
    void a_projection_that_keeps_failing_stops_the_start_after_the_time_limit_naming_its_failure() {
        ScriptedCatchUp catchUp = new ScriptedCatchUp(() -> false,
                () -> Optional.of(new IllegalStateException("disk I/O error")));
        long began = System.nanoTime();

        assertThatThrownBy(() -> new CatchUpBeforeReady(catchUp, noBuild(), Duration.ofMillis(1200)).run(null))
                .hasMessageContaining("did not catch up with the events within PT1.2S")
                .hasMessageContaining("a projection is failing: disk I/O error");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofMillis(1200));
    }

    @Test
    void a_replay_that_keeps_advancing_past_the_time_limit_is_waited_for_as_an_upgrade_of_a_large_folder_needs() {
        long began = System.nanoTime();
        AtomicInteger position = new AtomicInteger();
        // caught up after about 3 s, three times the limit, advancing all along
        ScriptedCatchUp catchUp = new ScriptedCatchUp(() -> System.nanoTime() - began > 3_000_000_000L,
                Optional::empty, () -> OptionalLong.of(position.incrementAndGet()));

        new CatchUpBeforeReady(catchUp, noBuild(), Duration.ofSeconds(1)).run(null);

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void a_replay_that_stops_advancing_stops_the_start_one_time_limit_after_its_last_step() {
        long began = System.nanoTime();
        AtomicInteger position = new AtomicInteger();
        // advances for about 1.5 s, then stalls for good
        ScriptedCatchUp catchUp = new ScriptedCatchUp(() -> false, Optional::empty,
                () -> OptionalLong.of(System.nanoTime() - began < 1_500_000_000L ? position.incrementAndGet()
                        : position.get()));

        assertThatThrownBy(() -> new CatchUpBeforeReady(catchUp, noBuild(), Duration.ofSeconds(1)).run(null))
                .hasMessageContaining("did not catch up with the events within PT1S")
                .hasMessageContaining("without advancing");
        // it looks every half second, so the last step it saw was at 1 s or later: the limit ran from there
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void a_stop_while_the_start_waits_ends_the_start_as_a_stop_saying_where_the_projections_were() throws Exception {
        AtomicInteger position = new AtomicInteger();
        // a replay that would go on for a long time, advancing all along
        ScriptedCatchUp catchUp = new ScriptedCatchUp(() -> false, Optional::empty,
                () -> OptionalLong.of(position.incrementAndGet()));
        CatchUpBeforeReady start = new CatchUpBeforeReady(catchUp, noBuild(), Duration.ofMinutes(10));
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> start.run(null));
        Thread.sleep(700);
        assertThat(waiting).as("the start waits").isNotDone();

        start.onApplicationEvent(new ContextClosedEvent(new StaticApplicationContext()));

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StoppedWhileCatchingUp.class)
                .cause().hasMessageStartingWith("Accord was stopped while its projections were catching up at event ")
                .isInstanceOf(SpringApplication.AbandonedRunException.class);
    }

    @Test
    void the_stores_closing_under_a_stop_are_no_failure_of_the_start() throws Exception {
        ScriptedCatchUp catchUp = new ScriptedCatchUp(() -> {
            throw new IllegalStateException("the data source is closed");
        }, Optional::empty, () -> {
            throw new IllegalStateException("the token store is closed");
        });
        CatchUpBeforeReady start = new CatchUpBeforeReady(catchUp, noBuild(), Duration.ofMinutes(10));
        start.onApplicationEvent(new ContextClosedEvent(new StaticApplicationContext()));

        assertThatThrownBy(() -> start.run(null)).isInstanceOf(StoppedWhileCatchingUp.class)
                .hasMessage("Accord was stopped while its projections were catching up");
    }

    private static RebuiltReadModels noBuild() {
        return new RebuiltReadModels(new StaticListableBeanFactory().getBeanProvider(ReadModelGenerations.class),
                null, null);
    }

    /** Answers as told: whether the projections caught up, and what fails meanwhile. */
    private static final class ScriptedCatchUp extends ProjectionCatchUp {

        private final BooleanSupplier caughtUp;
        private final Supplier<Optional<Throwable>> failing;
        private final Supplier<OptionalLong> progress;

        ScriptedCatchUp(BooleanSupplier caughtUp,
                        Supplier<Optional<Throwable>> failing) {
            this(caughtUp, failing, OptionalLong::empty);
        }

        ScriptedCatchUp(BooleanSupplier caughtUp, Supplier<Optional<Throwable>> failing,
                        Supplier<OptionalLong> progress) {
            super(null, null, null, null, null, null, Duration.ofSeconds(1));
            this.caughtUp = caughtUp;
            this.failing = failing;
            this.progress = progress;
        }

        @Override
        public OptionalLong progress() {
            return progress.get();
        }

        @Override
        public boolean awaitLatest(Duration timeout) {
            return caughtUp.getAsBoolean();
        }

        @Override
        public Optional<Throwable> failure() {
            return failing.get();
        }
    }
}
