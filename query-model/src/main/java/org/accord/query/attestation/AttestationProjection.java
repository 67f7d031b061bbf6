package org.accord.query.attestation;

import org.accord.api.attestation.AttestationFellDueEvent;
import org.accord.api.attestation.AttestationRecordedEvent;
import org.accord.api.attestation.QaFindingRecordedEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Schools' attestations and the QA findings on them. The compliance view is not stored: it depends on the date asked
 * about and the moment of record, so it is computed from these and the rules in force ({@link Compliance}).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class AttestationProjection {

    private final ReadModelStore store;

    public AttestationProjection(ReadModelStore store) {
        this.store = store;
    }

    /** Before a replay; Accord always resets every projection together (ReadModelRebuild). */
    @ResetHandler
    void forgetEverything() {
        store.clear(AttestationDocument.class, AttestationCountDocument.class, AttestationDueDocument.class);
    }

    @EventHandler
    void on(AttestationRecordedEvent e) {
        store.upsert(AttestationDocument.class, e.attestationId(), new Update()
                .set("trustId", e.trustId())
                .set("position", position(e.trustId(), e.attestationId()))
                .set("schoolId", e.schoolId())
                .set("standardId", e.standardId())
                .set("version", e.version())
                .set("cadence", e.cadence())
                .set("statement", e.statement())
                .set("evidence", e.evidence())
                .set("attestedBy", e.attestedBy())
                .set("attestedAt", e.attestedAt()));
    }

    @EventHandler
    void on(QaFindingRecordedEvent e) {
        store.upsert(AttestationDocument.class, e.attestationId(), new Update().addToSet("findings",
                new AttestationDocument.Finding(e.outcome(), e.notes(), e.actions(), e.followUpBy(), e.visitedOn(),
                        e.recordedBy(), e.recordedAt())));
    }

    @EventHandler
    void on(AttestationFellDueEvent e) {
        store.upsert(AttestationDueDocument.class, e.dueId(), new Update().set("trustId", e.trustId()));
    }

    /** The place it was given when first made (a redelivery keeps it), else the trust's next. */
    private long position(String trustId, String attestationId) {
        AttestationDocument made = store.findById(AttestationDocument.class, attestationId);
        if (made != null && made.position() != null) {
            return made.position();
        }
        AttestationCountDocument count = store.findById(AttestationCountDocument.class, trustId);
        long position = count == null ? 0 : count.made();
        store.upsert(AttestationCountDocument.class, trustId, new Update().set("made", position + 1));
        return position;
    }
}
