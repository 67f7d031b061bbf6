package org.accord.app.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;

import org.accord.app.ledger.LedgerKeys;

/** Signs note texts with an Ed25519 key under a key name. The public half is needed for the key id. */
public final class NoteSigner {

    private final String name;
    private final PrivateKey privateKey;
    private final int keyId;
    private final NoteVerifier verifier;

    public NoteSigner(String name, PrivateKey privateKey, PublicKey publicKey) {
        this.name = Ed25519NoteKey.requireName(name);
        this.privateKey = privateKey;
        this.verifier = new NoteVerifier(name, publicKey);
        this.keyId = verifier.keyId();
    }

    /** The ledger's own key pair (the one that signs today's checkpoints), used unchanged under a note key name. */
    public static NoteSigner of(String name, LedgerKeys keys) {
        return new NoteSigner(name, keys.privateKey(), keys.publicKey());
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** The text signed: one signature line, which {@link SignedNote#withSignature} can add to other signers'. */
    public SignedNote.Signature signature(String text) {
        new SignedNote(text, List.of()); // the same rules as a parsed note's text
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(privateKey);
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            return new SignedNote.Signature(name, keyId, ed25519.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the Ed25519 key " + name, e);
        }
    }

    public SignedNote sign(String text) {
        return new SignedNote(text, List.of(signature(text)));
    }
}
