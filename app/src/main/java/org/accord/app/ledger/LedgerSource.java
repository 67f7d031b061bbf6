package org.accord.app.ledger;

import java.util.Iterator;
import java.util.List;

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
