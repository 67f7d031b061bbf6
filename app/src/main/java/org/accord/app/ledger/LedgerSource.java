package org.accord.app.ledger;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** The event store as verification reads it: one consistent view of its events, a trust's head and checkpoints. */
public interface LedgerSource {

    <T> T read(String trustId, Reading<T> reading);

    /**
     * The link hashes that the trust's events claiming this chain position carry, as stored (not re-derived): one
     * when the chain is whole there, none when the position is gone, several when a copy was inserted.
     */
    List<String> hashesAt(String trustId, long position);

    /**
     * The events that claim these chain positions of the trust, each with the link hash it carries as stored, in
     * stored order: the first claimant of a position is the one that holds it. Served by an index, so that it can
     * be asked for every event a projection handles ({@link ChainLinkCheck}).
     */
    List<Claim> claimsAt(String trustId, List<Long> positions);

    /** An event that claims a chain position, with the hash it carries as stored (not re-derived). */
    record Claim(long position, String eventId, String hash) {
    }

    /**
     * The trust's links stored after {@code afterOrder} (a store order; 0 for all), in stored order, as stored: what
     * the trust's Merkle tree is built of. This default reads every event; a store that can select them does better.
     */
    default void links(String trustId, long afterOrder, LinkConsumer consumer) {
        read(trustId, (events, head, checkpoints) -> {
            while (events.hasNext()) {
                StoredEvent event = events.next();
                if (event.order() > afterOrder && trustId.equals(event.chainTrust())) {
                    consumer.accept(event.order(), event.chainPosition(), event.chainHash());
                }
            }
            return null;
        });
    }

    /** The event stored with this id, if the store has it. This default reads every event. */
    default Optional<StoredEvent> event(String eventId) {
        return read(null, (events, head, checkpoints) -> {
            while (events.hasNext()) {
                StoredEvent event = events.next();
                if (event.eventId().equals(eventId)) {
                    return Optional.of(event);
                }
            }
            return Optional.<StoredEvent>empty();
        });
    }

    /** One stored link: where the event is in the store, the position it claims and the hash it carries. */
    @FunctionalInterface
    interface LinkConsumer {
        void accept(long order, long position, String hash);
    }

    @FunctionalInterface
    interface Reading<T> {
        /**
         * @param events      every event in stored order (the iterator is only valid during the call)
         * @param head        the trust's recorded head; null if the trust has no chain
         * @param checkpoints the trust's checkpoints, oldest first
         */
        T apply(Iterator<StoredEvent> events, ChainHead head, List<Checkpoint> checkpoints);
    }
}
