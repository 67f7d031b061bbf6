package org.accord.app.ledger;

/**
 * What verifying a trust's chain found.
 *
 * @param checkedEvents  how many events were re-linked and matched, from the first
 * @param headHash       the hash of the last event that matched
 * @param lastCheckpoint the newest signed checkpoint at or before the last event that matched; null if none
 * @param firstProblem   null when intact
 * @param rootHash       the Merkle root (lower-case hex) of the verified events' link hashes; null when not intact
 * @param withheldEvents of the checked events, how many had their content withheld from the export's reader: their
 *                       stated link hashes were built on and put in the tree, their content could not be checked
 */
public record Verification(boolean intact, long checkedEvents, String headHash, Checkpoint lastCheckpoint,
                           Problem firstProblem, String rootHash, long withheldEvents) {

    public Verification(boolean intact, long checkedEvents, String headHash, Checkpoint lastCheckpoint,
                        Problem firstProblem) {
        this(intact, checkedEvents, headHash, lastCheckpoint, firstProblem, null);
    }

    public Verification(boolean intact, long checkedEvents, String headHash, Checkpoint lastCheckpoint,
                        Problem firstProblem, String rootHash) {
        this(intact, checkedEvents, headHash, lastCheckpoint, firstProblem, rootHash, 0);
    }

    /** Whether the newest matching checkpoint is a tree checkpoint of every verified event: all of it is signed. */
    public boolean coveredBySignature() {
        return intact && lastCheckpoint != null && lastCheckpoint.isTreeCheckpoint()
                && lastCheckpoint.position() == checkedEvents;
    }

    /**
     * CHECKPOINT_MISSING: the witness file holds a signed checkpoint the database does not (deleted rows, or a new
     * database beside an old witness file). WITNESS_ROLLED_BACK: the database holds a signed checkpoint the witness
     * file does not (the file was rolled back or replaced).
     */
    public enum Kind { ALTERED, MISSING, INSERTED, REORDERED, CHECKPOINT_INVALID, CHECKPOINT_MISSING,
        WITNESS_ROLLED_BACK }

    /**
     * The first place where the chain stops matching.
     *
     * @param position the position in the trust's chain where it breaks
     * @param eventId  the event at fault, when the store still has it
     * @param detail   the same in a sentence
     */
    public record Problem(long position, String eventId, Kind kind, String detail) {
    }
}
