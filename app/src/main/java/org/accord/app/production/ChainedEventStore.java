package org.accord.app.production;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStore;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

/**
 * Production's event store: Axon's own Axon Server event store for everything it reads (aggregates with their
 * snapshots, the streams the processors track, tokens), and {@link ChainedAppender} for everything it stores. Axon's
 * store cannot be given another way to append (its storage engine is its own), so this one publishes and stores, and
 * asks Axon's for the rest.
 */
public final class ChainedEventStore extends AbstractEventStore {

    private final EventStore axonServer;

    private ChainedEventStore(Builder builder, EventStore axonServer) {
        super(builder);
        this.axonServer = axonServer;
    }

    /**
     * @param axonServer Axon's Axon Server event store, never published to: it reads
     * @param monitor    and {@code spans}: what Axon's store would have been given, since this one publishes
     */
    public static ChainedEventStore over(EventStore axonServer, ChainedAppender appender,
                                         MessageMonitor<? super Message<?>> monitor, EventBusSpanFactory spans) {
        Builder builder = new Builder();
        builder.storageEngine(new Engine(axonServer, appender));
        builder.messageMonitor(monitor);
        if (spans != null) {
            builder.spanFactory(spans);
        }
        return new ChainedEventStore(builder, axonServer);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return axonServer.openStream(trackingToken);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier) {
        // Axon Server's store loads the snapshot and what follows it; the unit of work's own events come after
        return DomainEventStream.concat(axonServer.readEvents(aggregateIdentifier),
                DomainEventStream.of(stagedDomainEventMessages(aggregateIdentifier)));
    }

    private static final class Builder extends AbstractEventStore.Builder {
    }

    /** Appends through the appender; reads from Axon's store (this store reads aggregates and streams there itself). */
    private record Engine(EventStore axonServer, ChainedAppender appender) implements EventStorageEngine {

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            appender.append(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            axonServer.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            throw new UnsupportedOperationException("the events are streamed by Axon's Axon Server event store");
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return axonServer.readEvents(aggregateIdentifier, firstSequenceNumber);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return Optional.empty(); // ChainedEventStore#readEvents(String) has Axon Server's store load snapshots
        }

        @Override
        public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
            return axonServer.lastSequenceNumberFor(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return axonServer.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return axonServer.createHeadToken();
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return axonServer.createTokenAt(dateTime);
        }
    }
}
