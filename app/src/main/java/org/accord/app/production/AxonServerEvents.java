package org.accord.app.production;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.axoniq.axonserver.connector.event.AggregateEventStream;
import io.axoniq.axonserver.connector.event.AppendEventsTransaction;
import io.axoniq.axonserver.connector.event.EventChannel;
import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.event.Event;
import org.accord.app.platform.failures.StorageFailure;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.event.util.GrpcExceptionParser;

/**
 * Axon Server's event store as the decision log uses it: raw events (payload and metadata as stored, nothing
 * deserialised), aggregate sequence numbers, the head of the store, and append transactions that Axon Server
 * checks and commits as a whole. Every call waits at most {@code timeout}; Axon Server's refusals come back as Axon's
 * exceptions (a sequence number already taken as {@link org.axonframework.modelling.command.ConcurrencyException}).
 */
public class AxonServerEvents {

    /** Axon's code for an error of its own ("other"): what a call that got no answer is reported as. */
    private static final String NO_ANSWER = "AXONIQ-0001";
    private static final long CHUNK = 10_000;

    private final Supplier<EventChannel> channel;
    private final Duration timeout;

    /** @param channel the event channel of Axon Server's context, looked up on every call (it survives reconnects) */
    public AxonServerEvents(Supplier<EventChannel> channel, Duration timeout) {
        this.channel = channel;
        this.timeout = timeout;
    }

    /** The global index of the last event stored; -1 for an empty store. */
    public long lastToken() {
        Long token = await(channel.get().getLastToken());
        return token == null ? -1 : token;
    }

    /** The sequence number of the aggregate's last event; empty if it has none. */
    public Optional<Long> highestSequence(String aggregateId) {
        Long sequence = await(channel.get().findHighestSequence(aggregateId));
        return sequence == null || sequence < 0 ? Optional.empty() : Optional.of(sequence);
    }

    /** The aggregate's event at this sequence number, as stored; empty if there is none. */
    public Optional<Event> eventAt(String aggregateId, long sequence) {
        // Axon Server 4.6 reads up to the maximum exclusive (the connector's documentation says inclusive): asked for
        // [sequence, sequence + 1), either way the event at the sequence number comes first
        AggregateEventStream events = channel.get().openAggregateStream(aggregateId, sequence, sequence + 1);
        try {
            while (events.hasNext()) {
                Event event = events.next();
                if (event.getAggregateSequenceNumber() == sequence) {
                    return Optional.of(event);
                }
                if (event.getAggregateSequenceNumber() > sequence) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AxonServerException(NO_ANSWER, "interrupted while reading " + aggregateId + " from Axon Server", e);
        } finally {
            events.cancel();
        }
    }

    /**
     * The aggregate's events from this sequence number on, in order, read a chunk at a time: an aggregate stream has
     * no flow control, so a long one read whole would be held in memory whole.
     */
    public void aggregateEvents(String aggregateId, long fromSequence, Consumer<Event> consumer) {
        aggregateEvents(aggregateId, fromSequence, Long.MAX_VALUE, consumer);
    }

    /** As {@link #aggregateEvents(String, long, Consumer)}, up to {@code toSequence}, exclusive. */
    public void aggregateEvents(String aggregateId, long fromSequence, long toSequence, Consumer<Event> consumer) {
        long next = fromSequence;
        while (next < toSequence) {
            AggregateEventStream events = channel.get().openAggregateStream(aggregateId, next,
                    Math.min(toSequence, next + CHUNK));
            int read = 0;
            try {
                while (events.hasNext()) {
                    Event event = events.next();
                    if (event.getAggregateSequenceNumber() >= next // the maximum may be inclusive elsewhere
                            && event.getAggregateSequenceNumber() < toSequence) {
                        consumer.accept(event);
                        next = event.getAggregateSequenceNumber() + 1;
                        read++;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AxonServerException(NO_ANSWER, "interrupted while reading " + aggregateId + " from Axon"
                        + " Server", e);
            } finally {
                events.cancel();
            }
            if (read == 0) {
                return;
            }
        }
    }

    /** Every event after {@code afterToken} (-1: from the first), in the store's global order, as Axon Server sends it. */
    public EventStream stream(long afterToken) {
        return channel.get().openStream(afterToken, 1024);
    }

    /** Appends the events in one transaction: all of them or, if Axon Server refuses one, none. */
    public void append(List<Event> events) {
        AppendEventsTransaction transaction = channel.get().startAppendEventsTransaction();
        try {
            events.forEach(transaction::appendEvent);
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        await(transaction.commit());
    }

    public Duration timeout() {
        return timeout;
    }

    private <T> T await(CompletableFuture<T> answer) {
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw GrpcExceptionParser.parse(e.getCause());
        } catch (TimeoutException e) {
            // as Axon Server being away: an append's outcome is unknown, and the client is told to send it again
            throw new AxonServerException(NO_ANSWER, StorageFailure.EVENT_STORE_NO_ANSWER + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AxonServerException(NO_ANSWER, "interrupted while waiting for Axon Server", e);
        }
    }
}
