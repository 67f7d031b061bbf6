package org.accord.app.shared;

import java.util.Optional;

/**
 * What each caller's {@code clientMutationId} already did. Written in the same transaction as the events of the
 * command it records, so a retry after a crash finds either both or neither.
 */
public interface IdempotencyStore {

    /** @param result what the command returned (the id of what it created), or null */
    record Entry(String fingerprint, String result) {
    }

    Optional<Entry> find(String actorId, String clientMutationId);

    void record(String actorId, String clientMutationId, String fingerprint, String result);
}
