package org.accord.query.rights;

import org.accord.api.rights.DecisionRightsChangedEvent;
import org.accord.api.rights.StandardVersionScopedToClusterEvent;
import org.accord.api.trust.PersonRegisteredEvent;
import org.accord.api.trust.PersonRole;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The decision-rights map's versions, who decides at trust and school level, and which standards are clusters'. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class DecisionRightsProjection {

    private final ReadModelStore store;

    public DecisionRightsProjection(ReadModelStore store) {
        this.store = store;
    }

    /** Before a replay. Accord resets every projection together (ReadModelRebuild). */
    @ResetHandler
    void forgetEverything() {
        store.clear(DecisionRightsDocument.class, SchoolHeadsDocument.class, StandardClusterDocument.class);
    }

    @EventHandler
    void on(DecisionRightsChangedEvent event) {
        store.upsert(DecisionRightsDocument.class, event.trustId(), new Update().addToSet("versions",
                new DecisionRightsDocument.Version(event.version(), event.rights(), event.effectiveFrom(),
                        event.rationale(), event.changedBy(), event.recordedAt())));
    }

    @EventHandler
    void on(PersonRegisteredEvent event) {
        if (event.roles().contains(PersonRole.TRUST_EXECUTIVE)) {
            store.upsert(DecisionRightsDocument.class, event.trustId(),
                    new Update().addToSet("executiveIds", event.personId()));
        }
        if (event.roles().contains(PersonRole.HEADTEACHER) && event.schoolId() != null) {
            store.upsert(SchoolHeadsDocument.class, event.schoolId(),
                    new Update().addToSet("headIds", event.personId()));
        }
    }

    @EventHandler
    void on(StandardVersionScopedToClusterEvent event) {
        store.upsert(StandardClusterDocument.class, event.standardId(), new Update()
                .set("trustId", event.trustId())
                .set("clusterId", event.clusterId()));
    }
}
