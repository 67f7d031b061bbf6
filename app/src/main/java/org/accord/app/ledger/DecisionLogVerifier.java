package org.accord.app.ledger;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.accord.api.shared.DomainException;
import org.accord.app.ledger.merkle.LedgerLeaf;
import org.accord.app.ledger.merkle.LogOrigin;
import org.accord.app.ledger.merkle.MerkleTree;
import org.accord.app.ledger.merkle.ProofJson;
import org.accord.app.security.AccordUser;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Verifies a trust's decision log against the event store, and exports it in a form that verifies offline. */
@Service
public class DecisionLogVerifier {

    private final LedgerSource source;
    private final LedgerKeys keys;
    private final CheckpointSigner signer;
    private final DecisionLogIntegrity integrity;
    private final LedgerStore ledger;

    public DecisionLogVerifier(LedgerSource source, LedgerKeys keys, CheckpointSigner signer,
                               DecisionLogIntegrity integrity, LedgerStore ledger) {
        this.ledger = ledger;
        this.source = source;
        this.keys = keys;
        this.signer = signer;
        this.integrity = integrity;
    }

    /** The chain against the checkpoints of the database and the witness file, and the two compared. */
    public Verification verify(String trustId) {
        return integrity.verify(trustId);
    }

    /** The newest checkpoint signed for the trust, from the database or the witness file; empty before the first. */
    public Optional<Checkpoint> newestCheckpoint(String trustId) {
        List<Checkpoint> all = integrity.checkpointsWithWitnessed(trustId, ledger.checkpoints(trustId));
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** How many of the trust's events the read models refused (QuarantinedEvents). */
    public int quarantined(String trustId) {
        return integrity.quarantine().of(trustId).size();
    }

    /**
     * Writes the trust's events, in stored order and as stored, with its checkpoints and one more signed now at the
     * head, so that the whole export is covered by a signature. {@link OfflineVerifier} reads it. The checkpoints
     * are the database's and the witness file's together; no new one is signed for a head that the integrity check
     * refuses (the export then carries the evidence as it stands). Events whose content is not the reader's to see
     * are written with their links and without their payloads ({@link Withholding}).
     */
    public void export(String trustId, Withholding withholding, OutputStream out) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Checkpoint> signedNow = new ArrayList<>();
        integrity.check(trustId); // before the read: a first check reads the store itself
        source.read(trustId, (events, head, checkpoints) -> {
            List<Checkpoint> all = new ArrayList<>(integrity.checkpointsWithWitnessed(trustId, checkpoints));
            boolean covered = !all.isEmpty() && all.get(all.size() - 1).isTreeCheckpoint()
                    && all.get(all.size() - 1).position() == (head == null ? 0 : head.position());
            if (head != null && !covered) {
                integrity.sign(head, now).ifPresent(checkpoint -> {
                    all.add(checkpoint);
                    signedNow.add(checkpoint);
                });
            }
            write(trustId, now, events, head, all, withholding, out);
            return null;
        });
        // recorded after the read: a write inside the read would have to wait for the writer
        signedNow.forEach(signer::record);
    }

    /**
     * One decision with its inclusion proof ({@link DecisionProof}), under the newest tree checkpoint that covers it;
     * one is signed now at the head when none does yet.
     *
     * @throws DomainException NOT_FOUND for an event that is not the trust's; CONFLICT when the log does not agree
     *                         with its checkpoints (then no proof is given: it would prove nothing)
     */
    public ObjectNode proof(String trustId, String eventId, Withholding withholding) {
        StoredEvent event = source.event(eventId).filter(e -> trustId.equals(e.chainTrust()))
                .orElseThrow(() -> DomainException.notFound("no event '" + eventId + "' in the decision log of trust '"
                        + trustId + "'"));
        long position = event.chainPosition();
        Checkpoint checkpoint = covering(trustId, position);
        MerkleTree tree = treeAgreeingWith(checkpoint);
        List<String> previous = position == 1 ? List.of(ChainHasher.GENESIS) : source.hashesAt(trustId, position - 1);
        if (previous.size() != 1) {
            throw DomainException.conflict("the decision log of trust '" + trustId + "' has " + previous.size()
                    + " events at position " + (position - 1) + ": verify it (verifyDecisionLog)");
        }
        return DecisionProof.document(trustId, checkpoint, withholding.apply(event), previous.get(0),
                tree.inclusionProof(LedgerLeaf.index(position), checkpoint.position()));
    }

    /**
     * A consistency proof (RFC 9162 §2.1.4) from the trust's log at {@code fromSize} to its newest tree checkpoint
     * (signed now at the head if none covers it), as a document of proofs (docs/transparency-log.md): the checkpoint
     * note, and the earlier one at that size when there is one.
     */
    public ObjectNode consistency(String trustId, long fromSize) {
        ChainHead head = source.read(trustId, (events, h, checkpoints) -> h);
        if (fromSize < 0 || fromSize > (head == null ? 0 : head.position())) {
            throw DomainException.badRequest("fromSize must be between 0 and the size of the trust's log, "
                    + (head == null ? 0 : head.position()) + "; it is " + fromSize);
        }
        Checkpoint newest = covering(trustId, Math.max(fromSize, 1));
        if (fromSize > newest.position()) {
            throw DomainException.badRequest("fromSize must be between 0 and the newest checkpoint's size, "
                    + newest.position() + "; it is " + fromSize);
        }
        MerkleTree tree = treeAgreeingWith(newest);
        byte[] root = HexFormat.of().parseHex(newest.rootHash());
        ObjectNode document = ProofJson.document(LogOrigin.of(namespaceOf(newest), trustId), newest.position(), root,
                newest.note());
        integrity.checkpointsWithWitnessed(trustId, List.of()).stream()
                .filter(c -> c.isTreeCheckpoint() && c.position() == fromSize).findFirst()
                .ifPresent(earlier -> document.put("firstCheckpoint", earlier.note()));
        ((ArrayNode) document.get("consistencyProofs")).add(ProofJson.consistency(
                tree.consistencyProof(fromSize, newest.position()), tree.root(fromSize), root));
        return document;
    }

    /** The newest tree checkpoint at or after this position; a new one at the head if none is. */
    private Checkpoint covering(String trustId, long position) {
        integrity.check(trustId);
        List<Checkpoint> known = integrity.checkpointsWithWitnessed(trustId, source.read(trustId,
                (events, head, checkpoints) -> checkpoints));
        for (int i = known.size() - 1; i >= 0; i--) {
            Checkpoint c = known.get(i);
            if (c.isTreeCheckpoint() && c.position() >= position && c.trustId().equals(trustId)) {
                return c;
            }
        }
        ChainHead head = source.read(trustId, (events, h, checkpoints) -> h);
        if (head == null || head.position() < position) {
            throw DomainException.notFound("the decision log of trust '" + trustId + "' has no position " + position);
        }
        Checkpoint signed = integrity.sign(head, Instant.now()).orElseThrow(() -> DomainException.conflict(
                "the decision log of trust '" + trustId + "' has a problem, so Accord signs nothing for it until an"
                        + " operator acknowledges it: verify it (verifyDecisionLog)"));
        signer.record(signed);
        return signed;
    }

    /** The stored tree, once it gives the checkpoint's root: a proof from any other tree would prove nothing. */
    private MerkleTree treeAgreeingWith(Checkpoint checkpoint) {
        MerkleTree tree;
        try {
            tree = integrity.tree(new ChainHead(checkpoint.trustId(), checkpoint.position(), checkpoint.hash()));
        } catch (IllegalStateException e) {
            throw DomainException.conflict("the decision log of trust '" + checkpoint.trustId() + "' does not agree"
                    + " with its checkpoint at position " + checkpoint.position() + ": " + e.getMessage());
        }
        if (!HexFormat.of().formatHex(tree.root(checkpoint.position())).equals(checkpoint.rootHash())) {
            throw DomainException.conflict("the decision log of trust '" + checkpoint.trustId() + "' no longer gives"
                    + " the root of its checkpoint at position " + checkpoint.position() + ": verify it"
                    + " (verifyDecisionLog)");
        }
        return tree;
    }

    private static String namespaceOf(Checkpoint checkpoint) {
        String origin = checkpoint.note().substring(0, checkpoint.note().indexOf('\n'));
        return origin.substring(0, origin.lastIndexOf('/'));
    }

    private void write(String trustId, Instant now, Iterator<StoredEvent> events, ChainHead head,
                       List<Checkpoint> checkpoints, Withholding withholding, OutputStream out) {
        try (JsonGenerator json = ExportFormat.JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("format", ExportFormat.FORMAT);
            json.writeStringProperty("trustId", trustId);
            json.writeStringProperty("exportedAt", now.toString());
            json.writeStringProperty("keyId", keys.keyId());
            json.writeStringProperty("publicKey", keys.publicKeyPem());
            json.writeName("head");
            ExportFormat.JSON.writeValue(json, ExportFormat.head(head == null ? ChainHead.genesis(trustId) : head));
            json.writeArrayPropertyStart("checkpoints");
            for (Checkpoint checkpoint : checkpoints) {
                ExportFormat.JSON.writeValue(json, ExportFormat.checkpoint(checkpoint));
            }
            json.writeEndArray();
            json.writeArrayPropertyStart("events");
            while (events.hasNext()) {
                StoredEvent event = events.next();
                if (event.concerns(trustId)) {
                    ExportFormat.JSON.writeValue(json, ExportFormat.entry(withholding.apply(event)));
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** The caller's own trust, or NOT_FOUND: nobody outside a trust learns whether it exists. */
    static String ownTrust(String trustId, AccordUser caller) {
        if (trustId == null || trustId.isBlank()) {
            throw DomainException.badRequest("trustId is required");
        }
        if ((caller == null || !caller.mayRead(trustId))) {
            throw DomainException.notFound("unknown trust '" + trustId + "'");
        }
        return trustId;
    }
}
