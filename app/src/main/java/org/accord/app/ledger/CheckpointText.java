package org.accord.app.ledger;

/**
 * A signed checkpoint as text to print and keep: what it says in words, the exact text its signature covers, and the
 * signature. The one place that decides how a checkpoint reads outside Accord (board packs), so that a change of the
 * checkpoint's form (a C2SP signed note) changes every printed copy at once.
 */
public final class CheckpointText {

    private CheckpointText() {
    }

    /**
     * Lines (separated by line feeds) for a board pack, each short enough for a page; the signed lines come last,
     * exactly as signed, so that anyone with the trust's public key can check them later, long after the server is
     * gone (docs/verifiable-log.md, "The witness", shows how with openssl).
     */
    public static String forBoardPack(Checkpoint checkpoint) {
        String signed = checkpoint.signedText();
        return "Trust: " + checkpoint.trustId() + "\n"
                + "Position (events covered): " + checkpoint.position() + "\n"
                + "Head hash (SHA-256): " + checkpoint.hash() + "\n"
                + "Signed at: " + checkpoint.signedAt() + "\n"
                + "Key id: " + checkpoint.keyId() + "\n"
                + "Signature (Ed25519, Base64): " + checkpoint.signature() + "\n"
                + "The signature covers exactly these " + signed.split("\n").length + " lines, each ended by a line"
                + " feed:\n"
                + signed.substring(0, signed.length() - 1);
    }
}
