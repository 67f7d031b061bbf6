package org.accord.query.trust;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.accord.api.trust.ClusterLeadView;
import org.accord.api.trust.ClusterMembershipView;
import org.accord.api.trust.ClusterView;
import org.accord.api.trust.FindClusterMembershipsQuery;
import org.accord.api.trust.FindClusterSchoolsQuery;
import org.accord.api.trust.FindClustersQuery;
import org.accord.api.trust.FindSchoolClusterQuery;
import org.accord.api.trust.FindTrustClustersQuery;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class ClusterQueries {

    private final ReadModelStore store;

    public ClusterQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public List<ClusterView> handle(FindClustersQuery query) {
        return store.findByIds(ClusterDocument.class, query.clusterIds(), ClusterDocument::id).stream()
                .filter(c -> c.trustId() != null)
                .map(ClusterQueries::view)
                .toList();
    }

    @QueryHandler
    public List<ClusterView> handle(FindTrustClustersQuery query) {
        TrustClustersDocument trust = store.findById(TrustClustersDocument.class, query.trustId());
        return trust == null ? List.of() : handle(new FindClustersQuery(trust.clusterIds()));
    }

    @QueryHandler
    public List<String> handle(FindClusterSchoolsQuery query) {
        ClusterDocument cluster = store.findById(ClusterDocument.class, query.clusterId());
        if (cluster == null || cluster.trustId() == null) {
            return List.of();
        }
        return memberships(cluster.trustId()).schoolsOf(cluster.id(), asOf(query.asOf()), knownAt(query.knownAt()));
    }

    @QueryHandler
    public ClusterView handle(FindSchoolClusterQuery query) {
        SchoolDocument school = store.findById(SchoolDocument.class, query.schoolId());
        if (school == null || school.trustId() == null) {
            return null;
        }
        return memberships(school.trustId()).clusterOf(school.id(), asOf(query.asOf()), knownAt(query.knownAt()))
                .map(id -> store.findById(ClusterDocument.class, id))
                .map(ClusterQueries::view)
                .orElse(null);
    }

    @QueryHandler
    public List<ClusterMembershipView> handle(FindClusterMembershipsQuery query) {
        TrustClustersDocument trust = store.findById(TrustClustersDocument.class, query.trustId());
        return trust == null ? List.of() : trust.changes().stream()
                .map(c -> new ClusterMembershipView(c.schoolId(), c.clusterId(), c.effectiveFrom(), c.recordedAt(),
                        c.recordedBy()))
                .toList();
    }

    private ClusterMemberships memberships(String trustId) {
        TrustClustersDocument trust = store.findById(TrustClustersDocument.class, trustId);
        return trust == null ? ClusterMemberships.none() : trust.memberships();
    }

    public static ClusterView view(ClusterDocument cluster) {
        return new ClusterView(cluster.id(), cluster.trustId(), cluster.name(), cluster.formedOn(),
                cluster.leads().stream()
                        .map(l -> new ClusterLeadView(l.leadId(), l.effectiveFrom(), l.recordedAt(), l.namedBy()))
                        .toList());
    }

    private static LocalDate asOf(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
    }

    private static Instant knownAt(Instant knownAt) {
        return knownAt != null ? knownAt : Instant.now();
    }
}
