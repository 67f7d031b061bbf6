package org.accord.app.ledger;

/**
 * A signed checkpoint as text to print and keep: what it says in words, the exact text its signature covers, and the
 * signature. The one place that decides how a checkpoint reads outside Accord (board packs), so that a change of the
 * checkpoint's form (a C2SP signed note) changes every printed copy at once.
 */
public final class CheckpointText {

    private CheckpointText() {
    }

    /** The heading above a tree checkpoint's signed note in a board pack, which {@link #noteIn} looks for. */
    static final String NOTE_HEADING = "Signed checkpoint (keep it as a text file; `java -jar accord.jar verify-export"
            + " EXPORT.json KEY.pem --since FILE` then proves that a later export extends it):";

    /**
     * Lines (separated by line feeds) for a board pack. A tree checkpoint ends with its signed note, verbatim: that
     * is what a board keeps and later gives to {@code verify-export --since}. A checkpoint of the first format ends
     * with the exact lines its signature covers, so that anyone with the trust's public key can check them
     * (docs/verifiable-log.md, "The witness", shows how with openssl).
     */
    public static String forBoardPack(Checkpoint checkpoint) {
        if (checkpoint.isTreeCheckpoint()) {
            return "Trust: " + checkpoint.trustId() + "\n"
                    + "Events covered (tree size): " + checkpoint.position() + "\n"
                    + "Merkle root (SHA-256): " + checkpoint.rootHash() + "\n"
                    + "Head hash (SHA-256): " + checkpoint.hash() + "\n"
                    + "Signed at: " + checkpoint.signedAt() + "\n"
                    + "Key id: " + checkpoint.keyId() + "\n"
                    + NOTE_HEADING + "\n"
                    + checkpoint.note().substring(0, checkpoint.note().length() - 1);
        }
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

    /**
     * The signed note in text a board kept: the note itself, or a board pack's checkpoint section copied whole (say
     * out of the PDF). The note starts at its origin line, the line before a tree size and a base64 root; the blank
     * line before the signatures is put back where a copy lost it, and a signature line that a page wrapped after the
     * key name is joined again. Nothing else is changed, so any other alteration still fails the signature.
     */
    public static String noteIn(String kept) {
        String[] lines = kept.replace("\r\n", "\n").strip().split("\n", -1);
        int start = 0;
        for (int i = 0; i + 2 < lines.length; i++) {
            if (lines[i + 1].strip().matches("\\d+") && lines[i + 2].strip().matches("[A-Za-z0-9+/]{43}=")) {
                start = i;
                break;
            }
        }
        StringBuilder note = new StringBuilder();
        boolean signatures = false;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue; // a note's text has no blank line; the one before its signatures is put back below
            }
            if (line.startsWith("\u2014 ") && !signatures) {
                note.append('\n'); // a PDF's text shows that blank line as space, not as a line
                signatures = true;
            }
            boolean wrappedSignature = line.startsWith("\u2014 ") && line.indexOf(' ', 2) < 0 && i + 1 < lines.length
                    && !lines[i + 1].isBlank() && !lines[i + 1].strip().startsWith("\u2014 ");
            if (wrappedSignature) {
                line = line + " " + lines[++i].strip();
            }
            note.append(line).append('\n');
        }
        return note.toString();
    }
}
