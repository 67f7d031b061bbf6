package org.accord.app.production;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.axoniq.axonserver.connector.event.EventStream;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.accord.app.ledger.ChainHead;
import org.accord.app.ledger.Checkpoint;
import org.accord.app.ledger.LedgerSource;
import org.accord.app.ledger.LedgerStore;
import org.accord.app.ledger.StoredEvent;

/**
 * Axon Server's events as verification reads them: every event in global order, payload and metadata as stored,
 * nothing deserialised, no read model (as {@code JdbcLedgerSource} reads the SQLite table).
 * <p>
 * Axon Server has no read transaction, so one consistent view is made this way: the trust's checkpoints and head
 * are read first (its chain stream's last marker), then the store up to its last event at that moment. What commits in
 * between is past the head; each such event of the trust is announced by its marker, which is stored just before it
 * in the same transaction, so it is left out with its marker: the events and the head are those of one moment.
 * An event of the trust that no marker announces (written to Axon Server outside Accord) is never left out. Markers
 * are not the trust's events and are never passed on.
 */
public class AxonServerLedgerSource implements LedgerSource {

    private static final long NEXT_EVENT_WITHIN_SECONDS = 30;

    private final AxonServerEvents axonServer;
    private final ChainStreams streams;
    private final LedgerStore ledger;

    public AxonServerLedgerSource(AxonServerEvents axonServer, ChainStreams streams, LedgerStore ledger) {
        this.axonServer = axonServer;
        this.streams = streams;
        this.ledger = ledger;
    }

    /** @param trustId null for a reading of the store alone (no trust's head or checkpoints) */
    @Override
    public <T> T read(String trustId, Reading<T> reading) {
        // checkpoints before the head: each was signed at a head no later than the one read next, so none lies past
        // the events read (another replica may sign one at any moment)
        List<Checkpoint> checkpoints = trustId == null ? List.of() : ledger.checkpoints(trustId);
        ChainHead head = trustId == null ? null : streams.head(trustId).orElse(null);
        try (Events events = new Events(trustId, head == null ? 0 : head.position(), axonServer.lastToken())) {
            return reading.apply(events, head, checkpoints);
        }
    }

    /**
     * The hash stored on the event that the trust's marker at this position names, read by its aggregate and
     * sequence number rather than by a scan of the store; none when there is no marker there, or when the event it
     * names is not there or no longer claims that position. (A copy claiming the same position elsewhere in the store
     * is not looked for here: full verification finds it.)
     */
    @Override
    public List<String> hashesAt(String trustId, long position) {
        Optional<ChainMarker> marker = streams.markerAt(trustId, position);
        if (marker.isEmpty() || marker.get().aggregateId() == null) {
            return List.of();
        }
        return axonServer.eventAt(marker.get().aggregateId(), marker.get().sequence())
                .filter(e -> e.getMessageIdentifier().equals(marker.get().eventId()))
                .map(e -> stored(-1, e))
                .filter(e -> trustId.equals(e.chainTrust()) && e.chainPosition() == position && e.chainHash() != null)
                .map(e -> List.of(e.chainHash()))
                .orElse(List.of());
    }

    /**
     * The trust's links from its chain stream rather than from a scan of the store: each marker carries the link hash
     * of the event it names, written in the same transaction. The {@code order} of a link is its position (the
     * chain stream's sequence number plus one), so a tree is caught up from its size. Something on the stream that is
     * not a marker for its own position is passed on as position -1, which no tree accepts.
     */
    @Override
    public void links(String trustId, long afterOrder, LinkConsumer consumer) {
        axonServer.aggregateEvents(ChainMarker.streamOf(trustId), afterOrder, event -> {
            long position = event.getAggregateSequenceNumber() + 1;
            Optional<ChainMarker> marker = ChainMarker.of(event)
                    .filter(m -> m.chain().equals(trustId) && m.position() == position);
            consumer.accept(position, marker.map(ChainMarker::position).orElse(-1L),
                    marker.map(ChainMarker::hash).orElse(null));
        });
    }

    /** The event with this id, found by reading the store in order (Axon Server has no look-up by event id). */
    @Override
    public Optional<StoredEvent> event(String eventId) {
        try (EventStream stream = axonServer.stream(-1)) {
            long last = axonServer.lastToken();
            long token = -1;
            while (token < last) {
                EventWithToken read = nextFrom(stream, token, last);
                token = read.getToken();
                if (read.getEvent().getMessageIdentifier().equals(eventId)
                        && !ChainMarker.AGGREGATE_TYPE.equals(read.getEvent().getAggregateType())) {
                    return Optional.of(stored(token, read.getEvent()));
                }
            }
            return Optional.empty();
        }
    }

    private static EventWithToken nextFrom(EventStream stream, long token, long last) {
        try {
            EventWithToken read = stream.nextIfAvailable(NEXT_EVENT_WITHIN_SECONDS, TimeUnit.SECONDS);
            if (read == null) {
                throw new IllegalStateException("Axon Server sent no event after global index " + token + " within "
                        + NEXT_EVENT_WITHIN_SECONDS + " s while the decision log was read up to " + last
                        + stream.getError().map(e -> ": " + e.getMessage()).orElse(""));
            }
            return read;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the decision log from Axon Server", e);
        }
    }

    /**
     * Who holds these positions: the events the trust's markers name there, with the hashes the markers carry (read
     * as one range of the chain stream). An event that claims a position no marker gives it is no holder, wherever
     * it stands in the store: production knows which event is the chain's own at each position.
     */
    @Override
    public List<Claim> claimsAt(String trustId, List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        Set<Long> wanted = new HashSet<>(positions);
        long from = positions.stream().mapToLong(Long::longValue).min().orElseThrow();
        long to = positions.stream().mapToLong(Long::longValue).max().orElseThrow();
        List<Claim> claims = new ArrayList<>();
        axonServer.aggregateEvents(ChainMarker.streamOf(trustId), Math.max(0, from - 1), to, event -> ChainMarker
                .of(event)
                .filter(m -> m.chain().equals(trustId) && m.position() == event.getAggregateSequenceNumber() + 1
                        && wanted.contains(m.position()))
                .ifPresent(m -> claims.add(new Claim(m.position(), m.eventId(), m.hash()))));
        return claims;
    }

    /** An Axon Server event as the verifier reads it; a non-domain event is keyed as Axon's JDBC store keys it. */
    static StoredEvent stored(long order, Event event) {
        Map<String, String> metaData = new HashMap<>();
        event.getMetaDataMap().forEach((key, value) -> metaData.put(key, text(value)));
        boolean domain = !event.getAggregateType().isEmpty();
        return new StoredEvent(order, event.getMessageIdentifier(), domain ? event.getAggregateType() : null,
                domain ? event.getAggregateIdentifier() : event.getMessageIdentifier(),
                domain ? event.getAggregateSequenceNumber() : 0, event.getPayload().getType(),
                event.getPayload().getData().toByteArray(), metaData,
                Instant.ofEpochMilli(event.getTimestamp()).toString());
    }

    private static String text(MetaDataValue value) {
        return switch (value.getDataCase()) {
            case TEXT_VALUE -> value.getTextValue();
            case NUMBER_VALUE -> Long.toString(value.getNumberValue());
            case BOOLEAN_VALUE -> Boolean.toString(value.getBooleanValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            case BYTES_VALUE -> value.getBytesValue().getData().toStringUtf8();
            case DATA_NOT_SET -> "";
        };
    }

    /** The store up to {@code lastToken}, opened on the first look (a reading that only needs the head opens nothing). */
    private final class Events implements Iterator<StoredEvent>, AutoCloseable {

        private final String trustId;
        private final long headPosition;
        private final long lastToken;
        private final Set<String> pastTheHead = new HashSet<>();
        private EventStream stream;
        private long token = -1;
        private StoredEvent next;

        Events(String trustId, long headPosition, long lastToken) {
            this.trustId = trustId;
            this.headPosition = headPosition;
            this.lastToken = lastToken;
        }

        @Override
        public boolean hasNext() {
            while (next == null && token < lastToken) {
                EventWithToken read = read();
                token = read.getToken();
                Event event = read.getEvent();
                if (ChainMarker.AGGREGATE_TYPE.equals(event.getAggregateType())) {
                    ChainMarker.of(event).filter(m -> m.chain().equals(trustId) && m.position() > headPosition)
                            .ifPresent(m -> pastTheHead.add(m.eventId()));
                    continue;
                }
                if (!pastTheHead.remove(event.getMessageIdentifier())) {
                    next = stored(token, event);
                }
            }
            return next != null;
        }

        @Override
        public StoredEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StoredEvent event = next;
            next = null;
            return event;
        }

        private EventWithToken read() {
            if (stream == null) {
                stream = axonServer.stream(-1);
            }
            return nextFrom(stream, token, lastToken);
        }

        @Override
        public void close() {
            if (stream != null) {
                stream.close();
            }
        }
    }
}
