package org.accord.app.ledger;

import java.time.Instant;

/**
 * A signed statement that a trust's chain had this hash at this position: {@code signature} is the Ed25519 signature
 * (Base64) of {@link #signedText()} by the key whose id is {@code keyId}.
 */
public record Checkpoint(String trustId, long position, String hash, Instant signedAt, String keyId,
                         String signature) {

    /** What is signed: every field but the signature, one per line, in a fixed order. */
    public String signedText() {
        return signedText(trustId, position, hash, signedAt);
    }

    static String signedText(String trustId, long position, String hash, Instant signedAt) {
        return "accord-checkpoint-v1\n" + trustId + "\n" + position + "\n" + hash + "\n" + signedAt + "\n";
    }
}
