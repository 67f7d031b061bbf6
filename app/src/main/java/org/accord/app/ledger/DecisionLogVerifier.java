package org.accord.app.ledger;

import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.accord.api.shared.DomainException;
import org.accord.app.security.AccordUser;
import org.springframework.stereotype.Service;
import tools.jackson.core.JsonGenerator;

/** Verifies a trust's decision log against the event store, and exports it in a form that verifies offline. */
@Service
public class DecisionLogVerifier {

    private final LedgerSource source;
    private final LedgerKeys keys;
    private final CheckpointSigner signer;
    private final DecisionLogIntegrity integrity;

    public DecisionLogVerifier(LedgerSource source, LedgerKeys keys, CheckpointSigner signer,
                               DecisionLogIntegrity integrity) {
        this.source = source;
        this.keys = keys;
        this.signer = signer;
        this.integrity = integrity;
    }

    /** The chain against the checkpoints of the database and the witness file, and the two compared. */
    public Verification verify(String trustId) {
        return integrity.verify(trustId);
    }

    /**
     * Writes the trust's events, in stored order and as stored, with its checkpoints and one more signed now at the
     * head, so that the whole export is covered by a signature. {@link OfflineVerifier} reads it. The checkpoints
     * are the database's and the witness file's together; no new one is signed for a head that the integrity check
     * refuses (the export then carries the evidence as it stands).
     */
    public void export(String trustId, OutputStream out) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Checkpoint> signedNow = new ArrayList<>();
        integrity.check(trustId); // before the read: a first check reads the store itself
        source.read(trustId, (events, head, checkpoints) -> {
            List<Checkpoint> all = new ArrayList<>(integrity.checkpointsWithWitnessed(trustId, checkpoints));
            if (head != null && (all.isEmpty() || all.get(all.size() - 1).position() < head.position())
                    && integrity.refusal(head).isEmpty()) {
                Checkpoint checkpoint = CheckpointSigning.sign(head, now, keys.privateKey(), keys.keyId());
                all.add(checkpoint);
                signedNow.add(checkpoint);
            }
            write(trustId, now, events, head, all, out);
            return null;
        });
        // recorded after the read: a write inside the read would have to wait for the writer
        signedNow.forEach(signer::record);
    }

    private void write(String trustId, Instant now, Iterator<StoredEvent> events, ChainHead head,
                       List<Checkpoint> checkpoints, OutputStream out) {
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
                    ExportFormat.JSON.writeValue(json, ExportFormat.entry(event));
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
