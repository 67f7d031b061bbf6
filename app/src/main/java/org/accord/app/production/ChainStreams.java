package org.accord.app.production;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.axoniq.axonserver.grpc.event.Event;
import org.accord.app.ledger.ChainHead;

/**
 * The heads of the trusts' chains in production: the last {@link ChainMarker} of each trust's chain stream in Axon
 * Server, which moves in the same append transaction as the trust's events. A replica keeps the heads it has seen;
 * a marker never changes once stored, so a kept head is still the head as long as Axon Server's last sequence number
 * of the stream is the one it was read at.
 */
public class ChainStreams {

    private final AxonServerEvents axonServer;
    private final Map<String, ChainHead> known = new ConcurrentHashMap<>();

    public ChainStreams(AxonServerEvents axonServer) {
        this.axonServer = axonServer;
    }

    /**
     * The trust's head as Axon Server holds it now (one look-up of the stream's last sequence number, and the marker
     * itself if it is not the one kept); empty if the trust has no chain yet. A stream that ends in anything but a
     * marker for its own position (written to Axon Server outside Accord) gives a head with no hash, which matches
     * no chain.
     */
    public Optional<ChainHead> head(String trustId) {
        Optional<Long> last = axonServer.highestSequence(ChainMarker.streamOf(trustId));
        if (last.isEmpty()) {
            known.remove(trustId);
            return Optional.empty();
        }
        long position = last.get() + 1;
        ChainHead kept = known.get(trustId);
        if (kept != null && kept.position() == position) {
            return Optional.of(kept);
        }
        ChainHead head = markerAt(trustId, position).map(m -> new ChainHead(trustId, position, m.hash()))
                .orElseGet(() -> new ChainHead(trustId, position, ""));
        if (!head.hash().isEmpty()) {
            known.put(trustId, head);
        }
        return Optional.of(head);
    }

    /** The head kept by this replica, or else read from Axon Server: what an append links onto first. */
    ChainHead keptOrRead(String trustId) {
        ChainHead kept = known.get(trustId);
        return kept != null ? kept : head(trustId).orElseGet(() -> ChainHead.genesis(trustId));
    }

    /** After this replica's append: the head it just wrote. */
    void remember(ChainHead head) {
        known.put(head.trustId(), head);
    }

    /** After a failed append: the head may have moved on (another replica) or is unknown (no answer). */
    void forget(String trustId) {
        known.remove(trustId);
    }

    /** The marker at this position of the trust's chain; empty if there is none, or if what is there is no marker. */
    public Optional<ChainMarker> markerAt(String trustId, long position) {
        if (position < 1) {
            return Optional.empty();
        }
        Optional<Event> event = axonServer.eventAt(ChainMarker.streamOf(trustId), position - 1);
        return event.flatMap(ChainMarker::of)
                .filter(m -> m.chain().equals(trustId) && m.position() == position);
    }
}
