package org.accord.query.standard;

import org.accord.api.rights.StandardVersionScopedToClusterEvent;
import org.accord.api.standard.StandardRetiredEvent;
import org.accord.api.standard.StandardVersionAdoptedEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.accord.query.trust.TrustDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The backbone: standards, their versions and retirements; the trust lists its standards' ids. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class StandardProjection {

    private final ReadModelStore store;

    public StandardProjection(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Before a replay: forgets standards. Some documents (a trust's) are shared with other projections, so Accord
     * always resets every projection together (ReadModelRebuild), never one alone.
     */
    @ResetHandler
    void forgetEverything() {
        store.clear(StandardDocument.class);
    }

    @EventHandler
    void on(StandardVersionAdoptedEvent event) {
        store.upsert(StandardDocument.class, event.standardId(), new Update()
                .set("trustId", event.trustId())
                .addToSet("versions", new StandardDocument.VersionEntry(event.version(), event.title(), event.area(),
                        event.alignment(), event.statement(), event.effectiveFrom(), event.reviewBy(),
                        event.proposalId(), event.adoptedBy(), event.adoptedAt(),
                        event.applicability(), event.attestationCadence())));
        store.upsert(TrustDocument.class, event.trustId(), new Update().addToSet("standardIds", event.standardId()));
    }

    /** A cluster standard applies only to its cluster's schools (RulesInForce). */
    @EventHandler
    void on(StandardVersionScopedToClusterEvent event) {
        store.upsert(StandardDocument.class, event.standardId(), new Update().set("clusterId", event.clusterId()));
    }

    @EventHandler
    void on(StandardRetiredEvent event) {
        store.upsert(StandardDocument.class, event.standardId(), new Update()
                .set("retiredOn", event.retiredOn())
                .set("retiredAt", event.retiredAt())
                .set("retiredBy", event.retiredBy())
                .set("retireProposalId", event.proposalId()));
    }
}
