package org.accord.query.proposal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.accord.api.proposal.FindProposalImpactQuery;
import org.accord.api.proposal.ProposalImpactView;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalStatus;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.standard.StandardDocument;
import org.accord.query.trust.ClusterMemberships;
import org.accord.query.trust.SchoolDocument;
import org.accord.query.trust.SchoolPlacement;
import org.accord.query.trust.TrustClustersDocument;
import org.accord.query.trust.TrustDocument;
import org.accord.query.variation.VariationDocument;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Gathers what {@link ProposalImpact} reckons from: the proposal, the trust's schools as they would stand on the day
 * it takes effect, and for an amendment or a retirement the standard's current version and its open variations.
 */
@Component
public class ProposalImpactQueries {

    private final ReadModelStore store;

    public ProposalImpactQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public ProposalImpactView handle(FindProposalImpactQuery query) {
        ProposalDocument proposal = store.findById(ProposalDocument.class, query.proposalId());
        if (proposal == null || proposal.content() == null
                || (proposal.status() != ProposalStatus.DRAFT && proposal.status() != ProposalStatus.VOTING)) {
            return null;
        }
        Instant now = Instant.now();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = proposal.content().effectiveFrom();
        LocalDate asOf = from != null && from.isAfter(today) ? from : today;

        TrustDocument trust = store.findById(TrustDocument.class, proposal.trustId());
        ClusterMemberships clusters = SchoolPlacement.clustersOf(
                store.findById(TrustClustersDocument.class, proposal.trustId()));
        List<ProposalImpact.School> schools = trust == null ? List.of()
                : store.findByIds(SchoolDocument.class, trust.schoolIds(), SchoolDocument::id).stream()
                        .sorted(Comparator.comparing(SchoolDocument::name, Comparator.nullsLast(Comparator.naturalOrder())))
                        .map(s -> {
                            SchoolPlacement placement = SchoolPlacement.of(s, clusters);
                            return new ProposalImpact.School(s.id(), placement.phaseOn(asOf, now),
                                    placement.clusterOn(asOf, now));
                        })
                        .toList();

        ProposalImpact.CurrentVersion current = null;
        List<ProposalImpact.Variation> open = List.of();
        if (proposal.kind() != ProposalKind.NEW_STANDARD && proposal.standardId() != null) {
            StandardDocument standard = store.findById(StandardDocument.class, proposal.standardId());
            if (standard != null && !standard.versions().isEmpty()) {
                StandardDocument.VersionEntry latest = standard.versions().stream()
                        .max(Comparator.comparingInt(StandardDocument.VersionEntry::number)).orElseThrow();
                current = new ProposalImpact.CurrentVersion(latest.number(), latest.alignment(),
                        latest.applicability(), standard.clusterId());
            }
            open = store.findPage(VariationDocument.class,
                            Map.of("trustId", proposal.trustId(), "standardId", proposal.standardId()), "position",
                            Long.MIN_VALUE, Integer.MAX_VALUE).stream()
                    .filter(v -> v.status() != null && v.status().isOpen())
                    .filter(v -> v.until() == null || v.until().isAfter(asOf))
                    .map(v -> new ProposalImpact.Variation(v.id(), v.schoolId(), v.kind(), v.status(),
                            v.version() == null ? 0 : v.version()))
                    .toList();
        }
        return ProposalImpact.reckon(proposal.id(), proposal.kind(), proposal.content().alignment(),
                proposal.content().applicability(), current, schools, open, asOf);
    }
}
