package org.accord.app.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks a note against one trusted Ed25519 key, known by its name. As signed-note asks: signatures by other keys are
 * ignored (a note may carry cosignatures), a signature that claims this key and does not verify refuses the whole
 * note, and a note with no signature by this key is refused.
 */
public final class NoteVerifier {

    private final String name;
    private final PublicKey publicKey;
    private final int keyId;

    public NoteVerifier(String name, PublicKey publicKey) {
        this.name = Ed25519NoteKey.requireName(name);
        this.publicKey = publicKey;
        this.keyId = Ed25519NoteKey.keyId(name, Ed25519NoteKey.raw(publicKey));
    }

    /** From a verifier key string {@code name+hex key id+base64(0x01 || 32-byte key)}, as the Go note package prints. */
    public static NoteVerifier parse(String verifierKey) {
        // the name and the id hold no '+'; base64 may, so the key is everything after the second
        String[] parts = verifierKey == null ? new String[0] : verifierKey.split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key is name+keyid+key, not " + verifierKey);
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the key of a verifier key is not base64: " + parts[2], e);
        }
        if (typed.length != 33 || typed[0] != Ed25519NoteKey.ALGORITHM) {
            throw new IllegalArgumentException("the verifier key is not an Ed25519 (type 0x01) key");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0],
                Ed25519NoteKey.publicKey(Arrays.copyOfRange(typed, 1, 33)));
        if (parts[1].length() != 8 || !parts[1].equals(String.format("%08x", verifier.keyId))) {
            throw new IllegalArgumentException("the verifier key's id " + parts[1] + " is not the id of its name and"
                    + " key, " + String.format("%08x", verifier.keyId));
        }
        return verifier;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public String keyIdHex() {
        return String.format("%08x", keyId);
    }

    /** This key as a verifier key string. */
    public String verifierKey() {
        return Ed25519NoteKey.verifierKey(name, publicKey);
    }

    /** The note's text, once a signature by this key verifies; otherwise throws, saying why. */
    public String verify(SignedNote note) {
        boolean signed = false;
        for (SignedNote.Signature signature : note.signatures()) {
            if (!signature.keyName().equals(name) || signature.keyId() != keyId) {
                continue;
            }
            if (!verifies(note.text(), signature.signature())) {
                throw new InvalidNoteException("the signature by " + name + " (key id " + keyIdHex()
                        + ") does not verify: the text or the signature was changed");
            }
            signed = true;
        }
        if (!signed) {
            throw new InvalidNoteException("the note has no signature by " + name + " (key id " + keyIdHex() + ")"
                    + (note.signatures().isEmpty() ? "" : "; it is signed by "
                    + note.signatures().stream().map(s -> s.keyName() + " (key id " + String.format("%08x", s.keyId())
                    + ")").toList()));
        }
        return note.text();
    }

    public String verify(String note) {
        return verify(SignedNote.parse(note));
    }

    private boolean verifies(String text, byte[] signature) {
        if (signature.length != 64) {
            return false;
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "NoteVerifier[" + name + " " + keyIdHex() + " " + HexFormat.of().formatHex(Ed25519NoteKey.raw(publicKey))
                + "]";
    }
}
