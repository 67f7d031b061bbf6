package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * A projection catching up reads the events through a reader of their own, ahead of it: the same events in the same
 * order with the same tokens, each prepared on the reader's thread, the end where the store ends, a failure where
 * the projection reads next, and no reader left behind once the stream is closed.
 */
class ReadAheadEventStorageEngineTest {

    private final InMemoryEventStorageEngine store = new InMemoryEventStorageEngine();

    @Test
    void theEventsComeInTheStoresOrderWithTheirTokensEachPreparedOnTheReadersThread() {
        store.appendEvents(events(50));
        List<String> preparedOn = new CopyOnWriteArrayList<>();
        List<String> prepared = new CopyOnWriteArrayList<>();
        ReadAheadEventStorageEngine engine = new ReadAheadEventStorageEngine(store, 3, event -> {
            prepared.add(event.getIdentifier());
            preparedOn.add(Thread.currentThread().getName());
        });

        List<TrackedEventMessage<?>> read = readAll(engine, null);
        List<TrackedEventMessage<?>> direct = readAll(store, null);

        assertThat(read).extracting(EventMessage::getIdentifier)
                .containsExactlyElementsOf(direct.stream().map(EventMessage::getIdentifier).toList());
        assertThat(read).extracting(TrackedEventMessage::trackingToken)
                .containsExactlyElementsOf(direct.stream().map(TrackedEventMessage::trackingToken).toList());
        assertThat(prepared).containsExactlyElementsOf(read.stream().map(EventMessage::getIdentifier).toList());
        assertThat(preparedOn).containsOnly("accord-event-read-ahead");
    }

    @Test
    void aStreamFromATokenStartsAfterIt() {
        store.appendEvents(events(10));
        TrackingToken afterFour = readAll(store, null).get(3).trackingToken();
        ReadAheadEventStorageEngine engine = new ReadAheadEventStorageEngine(store, 4, event -> { });

        assertThat(readAll(engine, afterFour)).extracting(event -> (Object) event.getPayload())
                .containsExactly("event 4", "event 5", "event 6", "event 7", "event 8", "event 9");
    }

    @Test
    void anEmptyStoreEndsAtOnce() {
        ReadAheadEventStorageEngine engine = new ReadAheadEventStorageEngine(store, 4, event -> { });

        assertThat(readAll(engine, null)).isEmpty();
    }

    @Test
    void aFailureWhileReadingComesAfterTheEventsReadBeforeIt() {
        store.appendEvents(events(5));
        EventStorageEngine failing = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                Iterator<? extends TrackedEventMessage<?>> events = store.readEvents(token, mayBlock).iterator();
                return IntStream.range(0, 5).mapToObj(i -> {
                    if (i == 3) {
                        throw new IllegalStateException("the disk went away");
                    }
                    return events.next();
                });
            }
        };
        ReadAheadEventStorageEngine engine = new ReadAheadEventStorageEngine(failing, 8, event -> { });

        List<Object> read = new ArrayList<>();
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
            assertThatThrownBy(() -> events.forEachRemaining(event -> read.add(event.getPayload())))
                    .isInstanceOf(IllegalStateException.class).hasMessage("the disk went away");
        }
        assertThat(read).containsExactly("event 0", "event 1", "event 2");
    }

    @Test
    void closingTheStreamStopsTheReaderAndClosesTheStoresStream() throws InterruptedException {
        store.appendEvents(events(100));
        CountDownLatch sourceClosed = new CountDownLatch(1);
        EventStorageEngine watched = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                return store.readEvents(token, mayBlock).onClose(sourceClosed::countDown);
            }
        };
        ReadAheadEventStorageEngine engine = new ReadAheadEventStorageEngine(watched, 2, event -> { });

        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
            assertThat(stream.iterator().next().getPayload()).isEqualTo("event 0");
        }

        assertThat(sourceClosed.await(5, TimeUnit.SECONDS)).as("the store's stream closed").isTrue();
        assertThat(readerThreads()).as("no reader left").isZero();
    }

    @Test
    void aProjectionWaitingForTheReaderIsReleasedWhenAnotherThreadClosesTheStream() throws Exception {
        CountDownLatch storeAnswers = new CountDownLatch(1);
        EventStorageEngine slow = new InMemoryEventStorageEngine() {
            @Override
            public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken token, boolean mayBlock) {
                return Stream.<TrackedEventMessage<?>>generate(() -> {
                    try {
                        storeAnswers.await(); // a store that does not answer until the end of the test
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }).limit(1).filter(event -> event != null);
            }
        };
        ReadAheadEventStorageEngine engine = new ReadAheadEventStorageEngine(slow, 4, event -> { });
        Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false);
        Iterator<? extends TrackedEventMessage<?>> events = stream.iterator();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(events::hasNext);
        Thread.sleep(200);
        assertThat(waiting).as("waits for the reader").isNotDone();

        stream.close(); // as Axon closes a consumer's stream when its processor shuts down

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
        storeAnswers.countDown();
        assertThat(readerThreads()).as("no reader left").isZero();
    }

    @Test
    void theStreamThatWaitsForNewEventsIsTheStoresOwn() {
        store.appendEvents(events(3));
        List<String> prepared = new CopyOnWriteArrayList<>();
        ReadAheadEventStorageEngine engine = new ReadAheadEventStorageEngine(store, 4,
                event -> prepared.add(event.getIdentifier()));

        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, true)) {
            assertThat(stream.limit(3).<Object>map(EventMessage::getPayload).toList())
                    .containsExactly("event 0", "event 1", "event 2");
        }
        assertThat(prepared).as("nothing read ahead").isEmpty();
    }

    private static long readerThreads() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long alive;
        do {
            alive = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().equals("accord-event-read-ahead")).count();
            if (alive > 0) {
                Thread.sleep(20);
            }
        } while (alive > 0 && System.nanoTime() < deadline);
        return alive;
    }

    private static List<TrackedEventMessage<?>> readAll(EventStorageEngine engine, TrackingToken from) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(from, false)) {
            return stream.<TrackedEventMessage<?>>map(event -> event).toList();
        }
    }

    private static List<EventMessage<?>> events(int count) {
        return IntStream.range(0, count).<EventMessage<?>>mapToObj(i ->
                new GenericDomainEventMessage<>("Trust", "t-1", i, "event " + i)).toList();
    }
}
