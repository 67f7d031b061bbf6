package org.accord.app.platform.idempotency;

import java.util.Optional;

/**
 * What each caller's {@code clientMutationId} already did, and which request is doing it now. A retry after a crash
 * at any point finds either the key with its events or neither: the embedded adapter writes the key in the same
 * transaction as the events; the production adapter, whose events and keys live in two stores, makes the events the
 * record of the key and MongoDB an index of them.
 */
public interface IdempotencyStore {

    /** @param result what the command returned (the id of what it created), or null */
    record Entry(String fingerprint, String result) {
    }

    /**
     * Called before the command runs, inside its unit of work. Returns what an earlier request with this caller's key
     * did, or empty when this request is the one to handle the key: until its unit of work ends, no other request
     * with the key runs beside it (it waits, or is refused with CONFLICT).
     */
    Optional<Entry> findOrHold(String actorId, String clientMutationId, String fingerprint);

    /** Called once the command has run, inside its unit of work: the key's result goes with the command's events. */
    void complete(String actorId, String clientMutationId, String fingerprint, String result);
}
