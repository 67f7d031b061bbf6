package org.accord.query.standard;

import java.util.Comparator;
import java.util.List;

import org.accord.api.standard.FindStandardsQuery;
import org.accord.api.standard.StandardVersionView;
import org.accord.api.standard.StandardView;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class StandardQueries {

    private final ReadModelStore store;

    public StandardQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public List<StandardView> handle(FindStandardsQuery query) {
        return store.findByIds(StandardDocument.class, query.standardIds(), StandardDocument::id).stream()
                .filter(s -> !s.versions().isEmpty())
                .map(StandardQueries::view)
                .toList();
    }

    public static StandardView view(StandardDocument d) {
        List<StandardVersionView> versions = d.versions().stream()
                .sorted(Comparator.comparingInt(StandardDocument.VersionEntry::number))
                .map(v -> version(d.id(), v))
                .toList();
        return new StandardView(d.id(), d.trustId(), versions, d.retiredOn(), d.retiredAt(), d.retiredBy(),
                d.retireProposalId());
    }

    public static StandardVersionView version(String standardId, StandardDocument.VersionEntry v) {
        return new StandardVersionView(standardId, v.number(), v.title(), v.area(), v.alignment(), v.statement(),
                v.effectiveFrom(), v.reviewBy(), v.proposalId(), v.adoptedBy(), v.adoptedAt(), v.applicability(),
                v.attestationCadence());
    }
}
