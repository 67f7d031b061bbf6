package org.accord.app.production;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.axoniq.axonserver.connector.event.AggregateEventStream;
import io.axoniq.axonserver.connector.event.AppendEventsTransaction;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.event.Confirmation;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import io.grpc.Metadata;
import io.grpc.Status;

/**
 * Axon Server's event store as the connector shows it ({@link EventChannel}), in memory, for the fast tests of the
 * production ledger: a transaction is stored whole or refused whole, and refused (error code AXONIQ-2000, as Axon
 * Server's sequence number check answers) when an aggregate's first sequence number in it is not the one after its
 * last stored, or its sequence numbers in it are not consecutive. What the real one does is checked in
 * RealAxonServerIT.
 */
final class InMemoryAxonServer {

    private final List<Event> events = new ArrayList<>();
    private final Map<String, Long> highest = new HashMap<>();
    private Runnable beforeLastToken = () -> { };
    private Runnable afterHighestSequence = () -> { };

    /** The event channel the production code talks to. */
    EventChannel channel() {
        return (EventChannel) Proxy.newProxyInstance(EventChannel.class.getClassLoader(),
                new Class<?>[] {EventChannel.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "startAppendEventsTransaction" -> new Transaction();
                    case "findHighestSequence" -> {
                        CompletableFuture<Long> answer = CompletableFuture.completedFuture(highestOf((String) args[0]));
                        afterHighestSequence.run();
                        yield answer;
                    }
                    case "getLastToken" -> {
                        beforeLastToken.run();
                        yield CompletableFuture.completedFuture(lastToken());
                    }
                    case "openStream" -> new Stream((Long) args[0]);
                    case "openAggregateStream" -> new Aggregate((String) args[0],
                            args.length > 1 && args[1] instanceof Long from ? from : 0L,
                            args.length > 2 && args[2] instanceof Long to ? to : 0L);
                    case "toString" -> "InMemoryAxonServer";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    AxonServerEvents events() {
        return new AxonServerEvents(this::channel, Duration.ofSeconds(5));
    }

    /** Runs once, just before the next look at the head of the store: something that commits at that moment. */
    synchronized void beforeNextLastToken(Runnable action) {
        beforeLastToken = () -> {
            beforeLastToken = () -> { };
            action.run();
        };
    }

    /** Runs once, just after the next answer to "which is this aggregate's last sequence number?". */
    synchronized void afterNextHighestSequence(Runnable action) {
        afterHighestSequence = () -> {
            afterHighestSequence = () -> { };
            action.run();
        };
    }

    synchronized List<Event> all() {
        return List.copyOf(events);
    }

    /** As any client of Axon Server could append: checked the same way, and committed or refused whole. */
    synchronized void commit(List<Event> transaction) {
        Map<String, long[]> firstAndLast = new LinkedHashMap<>();
        for (Event e : transaction) {
            if (e.getAggregateType().isEmpty()) {
                continue;
            }
            long[] range = firstAndLast.get(e.getAggregateIdentifier());
            if (range == null) {
                firstAndLast.put(e.getAggregateIdentifier(), new long[] {e.getAggregateSequenceNumber(),
                        e.getAggregateSequenceNumber()});
            } else if (e.getAggregateSequenceNumber() != range[1] + 1) {
                throw refused(e.getAggregateIdentifier(), e.getAggregateSequenceNumber(), range[1] + 1);
            } else {
                range[1] = e.getAggregateSequenceNumber();
            }
        }
        firstAndLast.forEach((aggregate, range) -> {
            long expected = highest.getOrDefault(aggregate, -1L) + 1;
            if (range[0] != expected) {
                throw refused(aggregate, range[0], expected);
            }
        });
        firstAndLast.forEach((aggregate, range) -> highest.put(aggregate, range[1]));
        events.addAll(transaction);
    }

    private static RuntimeException refused(String aggregate, long sequence, long expected) {
        Metadata trailers = new Metadata();
        trailers.put(Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER), "AXONIQ-2000");
        return Status.OUT_OF_RANGE.withDescription("Invalid sequence number " + sequence + " for aggregate "
                + aggregate + ", expected " + expected).asRuntimeException(trailers);
    }

    private synchronized Long highestOf(String aggregate) {
        return highest.getOrDefault(aggregate, -1L);
    }

    private synchronized long lastToken() {
        return events.size() - 1;
    }

    private synchronized Optional<Event> at(int index) {
        return index < events.size() ? Optional.of(events.get(index)) : Optional.empty();
    }

    private final class Transaction implements AppendEventsTransaction {
        private final List<Event> appended = new ArrayList<>();

        @Override
        public AppendEventsTransaction appendEvent(Event event) {
            appended.add(event);
            return this;
        }

        @Override
        public CompletableFuture<Confirmation> commit() {
            try {
                InMemoryAxonServer.this.commit(appended);
                return CompletableFuture.completedFuture(Confirmation.newBuilder().setSuccess(true).build());
            } catch (RuntimeException refused) {
                return CompletableFuture.failedFuture(refused);
            }
        }

        @Override
        public void rollback() {
            appended.clear();
        }
    }

    private final class Stream implements EventStream {
        private long token;
        private boolean closed;

        Stream(long after) {
            this.token = after;
        }

        @Override
        public EventWithToken peek() {
            return at((int) token + 1).map(e -> EventWithToken.newBuilder().setToken(token + 1).setEvent(e).build())
                    .orElse(null);
        }

        @Override
        public EventWithToken nextIfAvailable() {
            EventWithToken next = peek();
            if (next != null) {
                token++;
            }
            return next;
        }

        @Override
        public EventWithToken nextIfAvailable(long timeout, TimeUnit unit) {
            return nextIfAvailable();
        }

        @Override
        public EventWithToken next() {
            return nextIfAvailable();
        }

        @Override
        public void onAvailable(Runnable callback) {
        }

        @Override
        public void close() {
            closed = true;
        }

        @Override
        public boolean isClosed() {
            return closed;
        }

        @Override
        public Optional<Throwable> getError() {
            return Optional.empty();
        }

        @Override
        public void excludePayloadType(String payloadType, String revision) {
        }
    }

    private final class Aggregate implements AggregateEventStream {
        private final List<Event> found = new ArrayList<>();

        Aggregate(String aggregate, long from, long to) {
            for (Event e : all()) {
                if (e.getAggregateIdentifier().equals(aggregate) && e.getAggregateSequenceNumber() >= from
                        && (to == 0 || e.getAggregateSequenceNumber() < to)) { // exclusive, as Axon Server 4.6
                    found.add(e);
                }
            }
        }

        @Override
        public Event next() {
            return found.remove(0);
        }

        @Override
        public boolean hasNext() {
            return !found.isEmpty();
        }

        @Override
        public void cancel() {
        }
    }
}
