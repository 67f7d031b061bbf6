package org.accord.app.ledger;

import java.util.List;
import java.util.Optional;

/**
 * Where the heads of the trusts' chains and their signed checkpoints are kept. A head moves in the same transaction
 * as the events that move it, so it never runs ahead of or behind the store.
 */
public interface LedgerStore {

    Optional<ChainHead> head(String trustId);

    List<ChainHead> heads();

    void moveHead(ChainHead head);

    void record(Checkpoint checkpoint);

    Optional<Checkpoint> lastCheckpoint(String trustId);

    /** Oldest first. */
    List<Checkpoint> checkpoints(String trustId);
}
