package org.accord.app.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Ed25519 signatures of checkpoints: made with the private key, checked with the public one. */
public final class CheckpointSigning {

    private final PublicKey publicKey;

    public CheckpointSigning(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    public boolean verifies(Checkpoint checkpoint) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false; // a signature that is not even well-formed verifies nothing
        }
    }

    public static Checkpoint sign(ChainHead head, Instant signedAt, PrivateKey key, String keyId) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initSign(key);
            ed25519.update(Checkpoint.signedText(head.trustId(), head.position(), head.hash(), signedAt)
                    .getBytes(StandardCharsets.UTF_8));
            return new Checkpoint(head.trustId(), head.position(), head.hash(), signedAt, keyId,
                    Base64.getEncoder().encodeToString(ed25519.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint with the ledger key", e);
        }
    }
}
