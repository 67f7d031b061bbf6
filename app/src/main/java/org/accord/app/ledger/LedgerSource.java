package org.accord.app.ledger;

import java.util.Iterator;
import java.util.List;

/** The event store as verification reads it: one consistent view of its events, a trust's head and checkpoints. */
public interface LedgerSource {

    <T> T read(String trustId, Reading<T> reading);

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
