package org.accord.app.ledger.merkle;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: a text ending in a newline, a blank line, then one or more signature lines
 * {@code — <key name> <base64(4-byte key id || signature)>}. Parsing checks the syntax only; {@link NoteVerifier}
 * decides whether a note is signed by a key one trusts.
 */
public record SignedNote(String text, List<Signature> signatures) {

    /** The em dash (U+2014) and a space that start every signature line. */
    public static final String SIGNATURE_PREFIX = "\u2014 ";

    /** More than this many signatures is refused, as the Go reference implementation does. */
    public static final int MAX_SIGNATURES = 100;

    /** One signature line: the key's name, its id, and the signature bytes after the id. */
    public record Signature(String keyName, int keyId, byte[] signature) {

        public Signature {
            Ed25519NoteKey.requireName(keyName);
            signature = signature.clone();
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }

        public String line() {
            byte[] bytes = ByteBuffer.allocate(4 + signature.length).putInt(keyId).put(signature).array();
            return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(bytes) + "\n";
        }
    }

    public SignedNote {
        requireText(text);
        signatures = List.copyOf(signatures);
        if (signatures.size() > MAX_SIGNATURES) {
            throw new InvalidNoteException("a note with more than " + MAX_SIGNATURES + " signatures is refused");
        }
    }

    /** The note as sent: text, blank line, signature lines. */
    public String format() {
        StringBuilder note = new StringBuilder(text).append('\n');
        signatures.forEach(signature -> note.append(signature.line()));
        return note.toString();
    }

    @Override
    public String toString() {
        return format();
    }

    public SignedNote withSignature(Signature signature) {
        List<Signature> all = new ArrayList<>(signatures);
        all.add(signature);
        return new SignedNote(text, all);
    }

    /** Parses a note received as bytes, refusing anything that is not UTF-8. */
    public static SignedNote parse(byte[] note) {
        try {
            return parse(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(note)).toString());
        } catch (CharacterCodingException e) {
            throw new InvalidNoteException("a signed note is UTF-8 text, and this is not", e);
        }
    }

    public static SignedNote parse(String note) {
        if (note == null || note.isEmpty()) {
            throw new InvalidNoteException("the note is empty");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new InvalidNoteException("the note has no blank line between its text and its signatures");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        if (block.isEmpty()) {
            throw new InvalidNoteException("the note has no signature lines");
        }
        if (!block.endsWith("\n")) {
            throw new InvalidNoteException("the last signature line does not end with a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new InvalidNoteException("a note with more than " + MAX_SIGNATURES + " signatures is refused");
        }
        List<Signature> signatures = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            signatures.add(signature(lines[i], i + 1));
        }
        return new SignedNote(text, signatures);
    }

    private static Signature signature(String line, int number) {
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw new InvalidNoteException("signature line " + number + " does not start with an em dash (U+2014)"
                    + " and a space: " + line);
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new InvalidNoteException("signature line " + number + " has no space between key name and"
                    + " signature");
        }
        String name = rest.substring(0, space);
        String encoded = rest.substring(space + 1);
        if (!Ed25519NoteKey.validName(name)) {
            throw new InvalidNoteException("signature line " + number + " names no valid key (non-empty, no spaces"
                    + " or '+'): " + name);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new InvalidNoteException("signature line " + number + " is not standard base64: " + encoded, e);
        }
        // the JDK decoder forgives missing padding; the format does not
        if (!Base64.getEncoder().encodeToString(bytes).equals(encoded)) {
            throw new InvalidNoteException("signature line " + number + " is not canonical padded base64");
        }
        if (bytes.length < 5) {
            throw new InvalidNoteException("signature line " + number + " is too short for a key id and a signature");
        }
        int keyId = ByteBuffer.wrap(bytes, 0, 4).getInt();
        return new Signature(name, keyId, Arrays.copyOfRange(bytes, 4, bytes.length));
    }

    private static void requireText(String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidNoteException("the note's text is empty");
        }
        if (!text.endsWith("\n")) {
            throw new InvalidNoteException("the note's text does not end with a newline");
        }
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if ((c < 0x20 && c != '\n') || c == 0x7f || Character.getType(c) == Character.SURROGATE) {
                throw new InvalidNoteException("the note's text contains a control character or an unpaired"
                        + " surrogate (code point " + i + ")");
            }
        }
    }
}
