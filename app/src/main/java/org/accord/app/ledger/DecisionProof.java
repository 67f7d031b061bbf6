package org.accord.app.ledger;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HexFormat;

import org.accord.api.shared.Actor;
import org.accord.app.ledger.merkle.InclusionProof;
import org.accord.app.ledger.merkle.InvalidNoteException;
import org.accord.app.ledger.merkle.InvalidProofException;
import org.accord.app.ledger.merkle.LedgerLeaf;
import org.accord.app.ledger.merkle.ProofJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One decision, proven to be in its trust's log without the rest of it: the event as stored, the link hash it builds
 * on, an RFC 9162 inclusion proof, and the signed checkpoint the proof leads to. docs/verifiable-log.md, "One
 * decision". {@code java -jar accord.jar verify-decision DECISION.json PUBLIC-KEY.pem} checks it offline: exit 0
 * when the decision's content gives its link hash, the proof takes that leaf to the checkpoint's root, and the
 * checkpoint is the trust's, signed by the given key; 1 otherwise, saying which step failed; 2 when a file cannot be
 * read.
 */
public final class DecisionProof {

    public static final String COMMAND = "verify-decision";
    public static final String FORMAT = "accord-decision-proof/1";

    private static final HexFormat HEX = HexFormat.of();

    private DecisionProof() {
    }

    /**
     * @param previousHash the link hash of the trust's event before this one (the genesis hash for its first)
     * @param checkpoint   a tree checkpoint at or after the event's position
     */
    static ObjectNode document(String trustId, Checkpoint checkpoint, StoredEvent event, String previousHash,
                               InclusionProof proof) {
        ObjectNode document = ExportFormat.JSON.createObjectNode();
        document.put("format", FORMAT);
        document.put("trustId", trustId);
        document.put("checkpoint", checkpoint.note());
        document.set("event", ExportFormat.entry(event));
        document.put("previousHash", previousHash);
        document.set("inclusionProof", ProofJson.inclusion(proof, event.chainHash(), HEX.parseHex(checkpoint.rootHash())));
        return document;
    }

    public static int run(String[] args, PrintStream out) {
        if (args.length != 2) {
            out.println("usage: java -jar accord.jar " + COMMAND + " DECISION.json PUBLIC-KEY.pem");
            return 2;
        }
        PublicKey key = OfflineVerifier.key(args[1], out);
        if (key == null) {
            return 2;
        }
        JsonNode document;
        try {
            document = ExportFormat.JSON.readTree(Files.readString(Path.of(args[0])));
        } catch (IOException | RuntimeException e) {
            out.println("cannot read the decision " + args[0] + ": " + e.getMessage());
            return 2;
        }
        if (!FORMAT.equals(document.path("format").asString(null))) {
            out.println("cannot read the decision " + args[0] + ": not an Accord decision proof (" + FORMAT + ")");
            return 2;
        }
        try {
            out.println(verify(document, key));
            return 0;
        } catch (InvalidNoteException | InvalidProofException | IllegalArgumentException e) {
            out.println("NOT VERIFIED: " + e.getMessage());
            return 1;
        }
    }

    /**
     * What the decision is, once every step holds.
     *
     * @throws IllegalArgumentException (or a note or proof exception) naming the step that fails
     */
    static String verify(JsonNode document, PublicKey key) {
        String trustId = document.path("trustId").asString(null);
        if (trustId == null) {
            throw new IllegalArgumentException("the proof names no trust");
        }
        Checkpoint checkpoint;
        try {
            checkpoint = CheckpointSigning.open(trustId, document.path("checkpoint").asString(""), key);
        } catch (InvalidNoteException e) {
            throw new InvalidNoteException("the checkpoint is not one of trust '" + trustId + "' signed by the given"
                    + " key: " + e.getMessage());
        }
        StoredEvent event = ExportFormat.event(document.path("event"));
        long position = event.chainPosition();
        if (position < 1 || !trustId.equals(event.chainTrust())
                || (!event.isWithheld() && !trustId.equals(event.payloadTrust()))) {
            throw new IllegalArgumentException("the event " + event.eventId() + " is not linked into the log of trust '"
                    + trustId + "'");
        }
        if (event.isWithheld() && !event.mayBeWithheld()) {
            throw new IllegalArgumentException("the event " + event.eventId() + " (" + event.payloadType() + ") has"
                    + " its content withheld, but Accord withholds only a peer review's");
        }
        String previous = document.path("previousHash").asString(null);
        // a withheld event's hash cannot be recomputed: its stated hash is what the proof takes to the root
        String link = event.isWithheld() ? event.chainHash() : event.linkHash(trustId, position, previous);
        if (link == null || !link.equals(event.chainHash())) {
            throw new IllegalArgumentException("the decision was altered: its content (with the previous link "
                    + previous + ") gives the link hash " + link + ", not the " + event.chainHash()
                    + " it was stored with");
        }
        InclusionProof proof = ProofJson.inclusionProof(document.path("inclusionProof"));
        if (proof.leafIndex() != LedgerLeaf.index(position) || proof.treeSize() != checkpoint.position()) {
            throw new IllegalArgumentException("the proof is for leaf " + proof.leafIndex() + " of a tree of "
                    + proof.treeSize() + ", not for position " + position + " under the checkpoint of size "
                    + checkpoint.position());
        }
        proof.verify(LedgerLeaf.hash(link), HEX.parseHex(checkpoint.rootHash()));
        return "VERIFIED: event " + event.eventId() + " (" + event.payloadType() + ") by " + event.metaData()
                .getOrDefault(Actor.METADATA_KEY, Actor.SYSTEM)
                + " at " + event.timestamp() + " is at position " + position + " of the log of trust '" + trustId
                + "', under the checkpoint of size " + checkpoint.position() + " signed " + checkpoint.signedAt()
                + " by key " + checkpoint.keyId() + " (root " + checkpoint.rootHash() + ")\n  "
                + (event.isWithheld() ? "content withheld from this reader (" + event.withheld() + "): its place in"
                + " the log checked, its content not" : "payload: " + event.payloadTree());
    }
}
