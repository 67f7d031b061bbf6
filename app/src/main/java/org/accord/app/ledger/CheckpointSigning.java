package org.accord.app.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.accord.app.ledger.merkle.InvalidNoteException;
import org.accord.app.ledger.merkle.LogOrigin;
import org.accord.app.ledger.merkle.NoteSigner;
import org.accord.app.ledger.merkle.NoteVerifier;
import org.accord.app.ledger.merkle.SignedNote;
import org.accord.app.ledger.merkle.TreeCheckpoint;

/**
 * Ed25519 signatures of checkpoints: made with the private key, checked with the public one. A checkpoint is signed
 * as a C2SP {@code tlog-checkpoint} note (docs/transparency-log.md): origin {@code <namespace>/<trust>}, tree size,
 * root, then two extension lines that tie the tree to the hash chain and say when it was signed:
 * <pre>
 * accord.example/demo-trust
 * 120
 * &lt;base64 root&gt;
 * accord-head &lt;hex link hash at position 120&gt;
 * accord-signed-at 2026-12-04T18:00:00.123Z
 * </pre>
 * The note is signed under the origin as key name, with the ledger's key.
 */
public final class CheckpointSigning {

    static final String HEAD = "accord-head ";
    static final String SIGNED_AT = "accord-signed-at ";

    private static final HexFormat HEX = HexFormat.of();

    private final PublicKey publicKey;

    public CheckpointSigning(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    public boolean verifies(Checkpoint checkpoint) {
        return problem(checkpoint) == null;
    }

    /** Why this checkpoint is not one signed by the key for what it says; null when it is. */
    public String problem(Checkpoint checkpoint) {
        if (checkpoint == null || checkpoint.trustId() == null) {
            return "the checkpoint names no trust";
        }
        if (!checkpoint.isTreeCheckpoint()) {
            return firstFormat(checkpoint) ? null : "its signature does not verify with the key";
        }
        try {
            Checkpoint said = open(checkpoint.trustId(), checkpoint.note(), publicKey);
            if (said.position() != checkpoint.position() || !said.hash().equals(checkpoint.hash())
                    || !said.rootHash().equals(checkpoint.rootHash()) || !said.signedAt().equals(checkpoint.signedAt())) {
                return "its fields (position " + checkpoint.position() + ") differ from what its signed note says"
                        + " (size " + said.position() + ")";
            }
            return null;
        } catch (InvalidNoteException | IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * Reads a trust's checkpoint from its signed note alone, once the note's signature verifies with the key and its
     * origin is the trust's log (in any namespace: a verifier without the deployment's configuration still knows the
     * trust).
     *
     * @throws InvalidNoteException saying why it is not such a checkpoint
     */
    public static Checkpoint open(String trustId, String note, PublicKey key) {
        SignedNote signed = SignedNote.parse(note);
        TreeCheckpoint unverified = TreeCheckpoint.parse(signed.text());
        String origin = unverified.origin();
        int slash = origin.lastIndexOf('/');
        if (slash < 1 || !origin.equals(LogOrigin.of(origin.substring(0, slash), trustId))) {
            throw new InvalidNoteException("the checkpoint is of the log " + origin + ", not of trust '" + trustId
                    + "'");
        }
        NoteVerifier verifier = new NoteVerifier(origin, key);
        TreeCheckpoint checkpoint = TreeCheckpoint.parse(verifier.verify(signed));
        String head = extension(checkpoint, HEAD);
        String signedAt = extension(checkpoint, SIGNED_AT);
        if (head == null || signedAt == null) {
            throw new InvalidNoteException("the checkpoint has no '" + HEAD.trim() + "' or '" + SIGNED_AT.trim()
                    + "' line, which Accord's checkpoints carry");
        }
        Instant at;
        try {
            at = Instant.parse(signedAt);
        } catch (RuntimeException e) {
            throw new InvalidNoteException("the checkpoint's signing time is not an instant: " + signedAt, e);
        }
        byte[] signature = signed.signatures().stream().filter(s -> s.keyName().equals(origin)
                && s.keyId() == verifier.keyId()).findFirst().orElseThrow().signature();
        return new Checkpoint(trustId, checkpoint.size(), head, at, LedgerKeys.keyIdOf(key),
                Base64.getEncoder().encodeToString(signature), HEX.formatHex(checkpoint.rootHash()), note);
    }

    /** Signs the trust's log at {@code head}, whose Merkle tree of link hashes has {@code rootHash}. */
    public static Checkpoint sign(ChainHead head, byte[] rootHash, Instant signedAt, LedgerKeys keys,
                                  String namespace) {
        String origin = LogOrigin.of(namespace, head.trustId());
        TreeCheckpoint checkpoint = new TreeCheckpoint(origin, head.position(), rootHash,
                List.of(HEAD + head.hash(), SIGNED_AT + signedAt));
        NoteSigner signer = NoteSigner.of(origin, keys);
        SignedNote note = signer.sign(checkpoint.body());
        return new Checkpoint(head.trustId(), head.position(), head.hash(), signedAt, keys.keyId(),
                Base64.getEncoder().encodeToString(note.signatures().get(0).signature()), HEX.formatHex(rootHash),
                note.format());
    }

    private static String extension(TreeCheckpoint checkpoint, String prefix) {
        return checkpoint.extensions().stream().filter(e -> e.startsWith(prefix))
                .map(e -> e.substring(prefix.length())).findFirst().orElse(null);
    }

    private boolean firstFormat(Checkpoint checkpoint) {
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(publicKey);
            ed25519.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
            return ed25519.verify(Base64.getDecoder().decode(checkpoint.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false; // a signature that is not even well-formed verifies nothing
        }
    }
}
