package org.accord.app.ledger;

import java.time.Instant;

/**
 * A signed statement about a trust's log at a size: its chain had this head hash at this position, and the RFC 9162
 * Merkle tree of its first {@code position} link hashes had this root. The signed artefact is {@code note}, a C2SP
 * {@code tlog-checkpoint} signed note (docs/transparency-log.md) whose text carries the tree size, the root, and as
 * extension lines the head hash and the signing time ({@link CheckpointSigning}); the other fields repeat what it
 * says, for queries and for the database.
 *
 * <p>A checkpoint without a note is one of the first format, {@code accord-checkpoint-v1} ({@link #signedText()},
 * signature over it in {@code signature}), still verified so that a data folder from before the tree keeps its
 * history; every checkpoint signed now has a note.
 *
 * @param signature the Ed25519 signature, Base64: of {@link #signedText()} (first format) or of the note's text
 * @param rootHash  the tree's root at {@code position}, lower-case hex; null in the first format
 * @param note      the signed note, as published; null in the first format
 */
public record Checkpoint(String trustId, long position, String hash, Instant signedAt, String keyId,
                         String signature, String rootHash, String note) {

    /** A checkpoint of the first format (no tree, no note). */
    public Checkpoint(String trustId, long position, String hash, Instant signedAt, String keyId, String signature) {
        this(trustId, position, hash, signedAt, keyId, signature, null, null);
    }

    public boolean isTreeCheckpoint() {
        return note != null;
    }

    /**
     * What the signature covers: the note's text (everything before its blank line); in the first format, every field
     * but the signature, one per line, in a fixed order.
     */
    public String signedText() {
        return isTreeCheckpoint() ? note.substring(0, note.lastIndexOf("\n\n") + 1)
                : signedText(trustId, position, hash, signedAt);
    }

    static String signedText(String trustId, long position, String hash, Instant signedAt) {
        return "accord-checkpoint-v1\n" + trustId + "\n" + position + "\n" + hash + "\n" + signedAt + "\n";
    }
}
