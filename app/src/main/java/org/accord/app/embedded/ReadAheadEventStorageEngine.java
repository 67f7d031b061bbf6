package org.accord.app.embedded;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Reads the events a projection catches up on (a rebuild, a start after a long stop) on a thread of its own, a few
 * thousand ahead of the projection: the rows are fetched, each event's payload and metadata deserialised, and each
 * given to {@code prepare} (the link check), while the projection's thread handles the events before them.
 * <p>
 * Why: Axon's tracking processor does all of that on its own thread, and a rebuild of the read models kept that
 * thread busy while the second core sat mostly idle (docs/benchmarks.md, session 31: about 1.1 cores used in all).
 * <p>
 * Only the streams that end at the head of the store ({@code mayBlock} false: Axon's private stream of a consumer
 * behind the head) are read ahead. The stream that waits for new events (Axon's producer, feeding live
 * projections) is read as before: a live event has no one to wait ahead of. The order of the events, their tokens and
 * the end of the stream are the wrapped engine's; an error while reading ends the stream with that error, where the
 * projection reads next.
 */
public class ReadAheadEventStorageEngine extends ForwardingEventStorageEngine {

    private final int ahead;
    private final Consumer<EventMessage<?>> prepare;

    /**
     * @param ahead   how many events to read ahead at most: twice the processor's batch, since the processor takes a
     *                whole batch at once and then handles it, and the reader should have the next one ready by then
     *                (with a capacity of less than a batch the processor waited for the reader at every batch)
     * @param prepare what else to do with each event as it is read, beside deserialising it (must not throw)
     */
    public ReadAheadEventStorageEngine(EventStorageEngine delegate, int ahead, Consumer<EventMessage<?>> prepare) {
        super(delegate);
        this.ahead = ahead;
        this.prepare = prepare;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        if (mayBlock) {
            return delegate().readEvents(trackingToken, true);
        }
        ReadAhead reader = new ReadAhead(delegate().readEvents(trackingToken, false), ahead, prepare);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader,
                Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(reader::close);
    }

    /** The reading thread and the queue between it and the projection. */
    private static final class ReadAhead implements Iterator<TrackedEventMessage<?>> {

        /** What the reader puts after the last event: the end, or the error that ended the reading. */
        private record End(RuntimeException error) {
        }

        private final BlockingQueue<Object> ahead;
        private final Stream<? extends TrackedEventMessage<?>> source;
        private volatile boolean closed;
        private Object next;

        ReadAhead(Stream<? extends TrackedEventMessage<?>> source, int capacity, Consumer<EventMessage<?>> prepare) {
            this.ahead = new ArrayBlockingQueue<>(capacity);
            this.source = source;
            Thread reader = new Thread(() -> read(prepare), "accord-event-read-ahead");
            reader.setDaemon(true);
            reader.start();
        }

        private void read(Consumer<EventMessage<?>> prepare) {
            End end = new End(null);
            try {
                Iterator<? extends TrackedEventMessage<?>> events = source.iterator();
                while (!closed && events.hasNext()) {
                    TrackedEventMessage<?> event = events.next();
                    deserialise(event);
                    prepare.accept(event);
                    if (!put(event)) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                end = new End(e);
            } catch (Error e) {
                end = new End(new IllegalStateException("reading the events ahead failed", e));
            } finally {
                source.close();
            }
            put(end);
        }

        /**
         * Deserialises the payload and the metadata now, on this thread; one that cannot be read is left for the
         * projection, which meets the failure where it handles the event.
         */
        private static void deserialise(TrackedEventMessage<?> event) {
            try {
                event.getPayload();
                event.getMetaData();
            } catch (RuntimeException e) {
                // left for the projection's thread: Axon deserialises lazily, and tries again there
            }
        }

        /** False once the stream is closed: nobody will read what is put. */
        private boolean put(Object element) {
            try {
                while (!closed) {
                    if (ahead.offer(element, 100, TimeUnit.MILLISECONDS)) {
                        return true;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null) {
                    if (closed) {
                        return false; // closed by another thread (a processor shutting down) while this one waited
                    }
                    next = ahead.poll(100, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the events read ahead", e);
            }
            if (next instanceof End end) {
                if (end.error() != null) {
                    throw end.error();
                }
                return false;
            }
            return true;
        }

        @Override
        public TrackedEventMessage<?> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            TrackedEventMessage<?> event = (TrackedEventMessage<?>) next;
            next = null;
            return event;
        }

        /** Stops the reader: it ends at its next event, or at once if it waits for room. */
        void close() {
            closed = true;
            ahead.clear();
        }
    }
}
