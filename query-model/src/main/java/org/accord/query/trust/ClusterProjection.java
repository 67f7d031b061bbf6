package org.accord.query.trust;

import org.accord.api.trust.ClusterFormedEvent;
import org.accord.api.trust.ClusterLeadNamedEvent;
import org.accord.api.trust.SchoolJoinedClusterEvent;
import org.accord.api.trust.SchoolLeftClusterEvent;
import org.accord.api.trust.SchoolMovedClusterEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Clusters, their leads and which schools were in them when, from the trust aggregate's cluster events. Every
 * change is stored with both its dates, so the queries answer on either time axis (ClusterMemberships).
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class ClusterProjection {

    private final ReadModelStore store;

    public ClusterProjection(ReadModelStore store) {
        this.store = store;
    }

    /** Before a replay: forgets clusters. Accord resets every projection together (ReadModelRebuild). */
    @ResetHandler
    void forgetEverything() {
        store.clear(ClusterDocument.class, TrustClustersDocument.class);
    }

    @EventHandler
    void on(ClusterFormedEvent event) {
        store.upsert(ClusterDocument.class, event.clusterId(), new Update()
                .set("trustId", event.trustId())
                .set("name", event.name())
                .set("formedOn", event.effectiveFrom())
                .addToSet("leads", new ClusterDocument.Lead(event.leadId(), event.effectiveFrom(),
                        event.recordedAt(), event.formedBy())));
        store.upsert(TrustClustersDocument.class, event.trustId(),
                new Update().addToSet("clusterIds", event.clusterId()));
    }

    @EventHandler
    void on(ClusterLeadNamedEvent event) {
        store.upsert(ClusterDocument.class, event.clusterId(), new Update()
                .addToSet("leads", new ClusterDocument.Lead(event.leadId(), event.effectiveFrom(),
                        event.recordedAt(), event.namedBy())));
    }

    @EventHandler
    void on(SchoolJoinedClusterEvent event) {
        record(event.trustId(), new TrustClustersDocument.Change(event.schoolId(), event.clusterId(),
                event.effectiveFrom(), event.recordedAt(), event.recordedBy()));
    }

    @EventHandler
    void on(SchoolMovedClusterEvent event) {
        record(event.trustId(), new TrustClustersDocument.Change(event.schoolId(), event.toClusterId(),
                event.effectiveFrom(), event.recordedAt(), event.movedBy()));
    }

    @EventHandler
    void on(SchoolLeftClusterEvent event) {
        record(event.trustId(), new TrustClustersDocument.Change(event.schoolId(), null, event.effectiveFrom(),
                event.recordedAt(), event.recordedBy()));
    }

    /** Each change holds its recording moment, so a redelivered event adds nothing (addToSet). */
    private void record(String trustId, TrustClustersDocument.Change change) {
        store.upsert(TrustClustersDocument.class, trustId, new Update().addToSet("changes", change));
    }
}
