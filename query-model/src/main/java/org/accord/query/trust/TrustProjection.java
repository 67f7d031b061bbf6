package org.accord.query.trust;

import org.accord.api.trust.PersonErasedEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.SchoolPhaseChangedEvent;
import org.accord.api.trust.SchoolRegisteredEvent;
import org.accord.api.trust.TrustRegisteredEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Trusts, their schools and their people, from the trust aggregate's events. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class TrustProjection {

    private final ReadModelStore store;

    public TrustProjection(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Before a replay: forgets trusts, their schools and people. Some documents (a trust's) are shared with other
     * projections, so Accord always resets every projection together (ReadModelRebuild), never one alone.
     */
    @ResetHandler
    void forgetEverything() {
        store.clear(TrustDocument.class, SchoolDocument.class, PersonDocument.class);
    }

    @EventHandler
    void on(TrustRegisteredEvent event) {
        store.upsert(TrustDocument.class, event.trustId(), new Update().set("name", event.name()));
    }

    @EventHandler
    void on(SchoolRegisteredEvent event) {
        store.upsert(SchoolDocument.class, event.schoolId(), new Update()
                .set("trustId", event.trustId())
                .set("name", event.name())
                .set("phase", event.phase()));
        store.upsert(TrustDocument.class, event.trustId(), new Update().addToSet("schoolIds", event.schoolId()));
    }

    @EventHandler
    void on(SchoolPhaseChangedEvent event) {
        store.upsert(SchoolDocument.class, event.schoolId(), new Update().addToSet("phaseChanges",
                new SchoolDocument.PhaseChange(event.phase(), event.effectiveFrom(), event.changedAt())));
    }

    @EventHandler
    void on(PersonRegisteredEvent event) {
        store.upsert(PersonDocument.class, event.personId(), new Update()
                .set("trustId", event.trustId())
                .set("roles", event.roles())
                .set("schoolId", event.schoolId()));
    }

    /** Only the fact: the person directory no longer has a name for them, and must not (PersonDirectoryCheck). */
    @EventHandler
    void on(PersonErasedEvent event) {
        store.upsert(PersonDocument.class, event.personId(), new Update().set("erased", true));
    }
}
