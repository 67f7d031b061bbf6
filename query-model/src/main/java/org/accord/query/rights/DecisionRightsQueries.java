package org.accord.query.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.accord.api.rights.DecisionLevel;
import org.accord.api.rights.DecisionRight;
import org.accord.api.rights.DecisionRightsView;
import org.accord.api.rights.FindDecisionRightsHistoryQuery;
import org.accord.api.rights.FindDecisionRightsQuery;
import org.accord.api.rights.FindStandardClusterQuery;
import org.accord.api.rights.FindWhoDecidesQuery;
import org.accord.api.rights.WhoDecidesView;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.trust.ClusterDocument;
import org.accord.query.trust.ClusterQueries;
import org.accord.query.trust.SchoolDocument;
import org.accord.query.trust.TrustClustersDocument;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class DecisionRightsQueries {

    private final ReadModelStore store;

    public DecisionRightsQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public DecisionRightsView handle(FindDecisionRightsQuery query) {
        DecisionRightsDocument rights = store.findById(DecisionRightsDocument.class, query.trustId());
        if (rights == null) {
            return null;
        }
        return rights.history().inForce(asOf(query.asOf()), knownAt(query.knownAt()))
                .flatMap(v -> version(rights, v.number()))
                .map(v -> view(query.trustId(), v))
                .orElse(null);
    }

    @QueryHandler
    public List<DecisionRightsView> handle(FindDecisionRightsHistoryQuery query) {
        DecisionRightsDocument rights = store.findById(DecisionRightsDocument.class, query.trustId());
        return rights == null ? List.of() : rights.versions().stream().map(v -> view(query.trustId(), v)).toList();
    }

    /**
     * Who decides an area (or a topic of it) for a school on a date: the map line in force then; at trust level the
     * trust executives (who adopt what the line's team proposes), at cluster level the lead of the school's cluster
     * on that date (none when the school was in no cluster), at school level its headteachers.
     */
    @QueryHandler
    public WhoDecidesView handle(FindWhoDecidesQuery query) {
        SchoolDocument school = store.findById(SchoolDocument.class, query.schoolId());
        if (school == null || school.trustId() == null || query.area() == null) {
            return null;
        }
        LocalDate asOf = asOf(query.asOf());
        Instant knownAt = knownAt(query.knownAt());
        DecisionRightsDocument rights = store.findById(DecisionRightsDocument.class, school.trustId());
        Optional<DecisionRightsHistory.Version> map = rights == null ? Optional.empty()
                : rights.history().inForce(asOf, knownAt);
        DecisionRight right = map.flatMap(v -> v.rightFor(query.area(), query.topic())).orElse(null);
        DecisionLevel level = right == null ? DecisionLevel.TRUST : right.level();
        String clusterId = null;
        List<String> deciders;
        switch (level) {
            case SCHOOL -> {
                SchoolHeadsDocument heads = store.findById(SchoolHeadsDocument.class, school.id());
                deciders = heads == null ? List.of() : heads.headIds();
            }
            case CLUSTER -> {
                TrustClustersDocument clusters = store.findById(TrustClustersDocument.class, school.trustId());
                clusterId = clusters == null ? null
                        : clusters.memberships().clusterOf(school.id(), asOf, knownAt).orElse(null);
                ClusterDocument cluster = clusterId == null ? null : store.findById(ClusterDocument.class, clusterId);
                String lead = cluster == null ? null : ClusterQueries.view(cluster).leadOn(asOf, knownAt);
                deciders = lead == null ? List.of() : List.of(lead);
            }
            default -> deciders = rights == null ? List.of() : rights.executiveIds();
        }
        return new WhoDecidesView(school.id(), query.area(), query.topic(), level,
                map.map(DecisionRightsHistory.Version::number).orElse(0), right, clusterId, deciders);
    }

    @QueryHandler
    public String handle(FindStandardClusterQuery query) {
        StandardClusterDocument standard = store.findById(StandardClusterDocument.class, query.standardId());
        return standard == null ? null : standard.clusterId();
    }

    private static Optional<DecisionRightsDocument.Version> version(DecisionRightsDocument rights, int number) {
        return rights.versions().stream().filter(v -> v.number() == number).findFirst();
    }

    private static DecisionRightsView view(String trustId, DecisionRightsDocument.Version v) {
        return new DecisionRightsView(trustId, v.number(), v.rights(), v.effectiveFrom(), v.rationale(),
                v.changedBy(), v.recordedAt());
    }

    private static LocalDate asOf(LocalDate asOf) {
        return asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
    }

    private static Instant knownAt(Instant knownAt) {
        return knownAt != null ? knownAt : Instant.now();
    }
}
