package org.accord.app.ledger.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A checkpoint of a log as C2SP tlog-checkpoint writes it: the note text {@code <origin>\n<tree size>\n<base64 root
 * hash>\n}, optionally followed by extension lines, signed as a C2SP signed note. Accord writes no extension lines;
 * it keeps those it reads, since they are covered by the signature.
 */
public record TreeCheckpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public TreeCheckpoint {
        if (origin == null || origin.isEmpty() || !singleLine(origin)) {
            throw new InvalidNoteException("a checkpoint's origin is one non-empty line of text: " + origin);
        }
        if (size < 0) {
            throw new InvalidNoteException("a tree size is not negative: " + size);
        }
        if (rootHash == null || rootHash.length != TreeHashes.SIZE) {
            throw new InvalidNoteException("a checkpoint's root hash is " + TreeHashes.SIZE + " bytes");
        }
        rootHash = rootHash.clone();
        extensions = List.copyOf(extensions);
        for (String extension : extensions) {
            if (extension.isEmpty() || !singleLine(extension)) {
                throw new InvalidNoteException("an extension line is one non-empty line: " + extension);
            }
        }
    }

    public TreeCheckpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    /** The checkpoint of a trust's tree as it stands. */
    public static TreeCheckpoint of(String origin, MerkleTree tree) {
        return new TreeCheckpoint(origin, tree.size(), tree.root());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text that is signed. */
    public String body() {
        StringBuilder body = new StringBuilder().append(origin).append('\n').append(size).append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash)).append('\n');
        extensions.forEach(extension -> body.append(extension).append('\n'));
        return body.toString();
    }

    /** The signed note, as text to publish. */
    public String sign(NoteSigner signer) {
        return signer.sign(body()).format();
    }

    /** Reads a checkpoint's note text (no signatures), refusing anything tlog-checkpoint does not allow. */
    public static TreeCheckpoint parse(String body) {
        if (body == null || !body.endsWith("\n")) {
            throw new InvalidNoteException("a checkpoint's text ends with a newline");
        }
        String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new InvalidNoteException("a checkpoint has at least three lines (origin, tree size, root hash),"
                    + " this one has " + lines.length);
        }
        if (lines[0].isEmpty()) {
            throw new InvalidNoteException("the checkpoint's origin line is empty");
        }
        long size = size(lines[1]);
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException("the checkpoint's root hash is not standard base64: " + lines[2], e);
        }
        if (root.length != TreeHashes.SIZE || !Base64.getEncoder().encodeToString(root).equals(lines[2])) {
            throw new InvalidNoteException("the checkpoint's root hash is not the padded base64 of " + TreeHashes.SIZE
                    + " bytes: " + lines[2]);
        }
        List<String> extensions = new ArrayList<>(Arrays.asList(lines).subList(3, lines.length));
        if (extensions.contains("")) {
            throw new InvalidNoteException("the checkpoint has an empty line");
        }
        return new TreeCheckpoint(lines[0], size, root, extensions);
    }

    /**
     * Verifies the note with the log's key, then reads it and checks that it is the log expected: a checkpoint
     * validly signed for another trust is refused.
     */
    public static TreeCheckpoint open(String note, NoteVerifier verifier, String expectedOrigin) {
        TreeCheckpoint checkpoint = parse(verifier.verify(SignedNote.parse(note)));
        if (!checkpoint.origin().equals(expectedOrigin)) {
            throw new InvalidNoteException("the checkpoint is of log " + checkpoint.origin() + ", not of "
                    + expectedOrigin);
        }
        return checkpoint;
    }

    private static long size(String line) {
        if (line.isEmpty() || line.length() > 19 || !line.chars().allMatch(c -> c >= '0' && c <= '9')
                || (line.length() > 1 && line.charAt(0) == '0')) {
            throw new InvalidNoteException("the checkpoint's tree size is not a decimal number without leading"
                    + " zeros: " + line);
        }
        try {
            return Long.parseLong(line);
        } catch (NumberFormatException e) {
            throw new InvalidNoteException("the checkpoint's tree size is too large: " + line, e);
        }
    }

    private static boolean singleLine(String text) {
        return text.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TreeCheckpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(rootHash, that.rootHash) && extensions.equals(that.extensions);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return body();
    }
}
