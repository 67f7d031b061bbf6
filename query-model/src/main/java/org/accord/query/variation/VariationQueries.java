package org.accord.query.variation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.accord.api.variation.DueVariation;
import org.accord.api.variation.FindVariationQuery;
import org.accord.api.variation.FindVariationsDueQuery;
import org.accord.api.variation.FindVariationsQuery;
import org.accord.api.variation.VariationPage;
import org.accord.api.variation.VariationView;
import org.accord.query.shared.Cursors;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.standard.StandardDocument;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class VariationQueries {

    private static final String CURSOR_LIST = "variation";

    private final ReadModelStore store;

    public VariationQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public VariationView handle(FindVariationQuery query) {
        VariationDocument v = store.findById(VariationDocument.class, query.variationId());
        return v == null || v.trustId() == null ? null : views(List.of(v)).get(0);
    }

    @QueryHandler
    public VariationPage handle(FindVariationsQuery query) {
        VariationIndexDocument index = store.findById(VariationIndexDocument.class, query.trustId());
        if (index == null) {
            return new VariationPage(List.of(), List.of(), false);
        }
        List<String> ids = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        boolean hasNext = false;
        List<VariationIndexDocument.Entry> entries = index.entries();
        for (int position = Cursors.startAfter(CURSOR_LIST, query.after()); position < entries.size(); position++) {
            VariationIndexDocument.Entry entry = entries.get(position);
            if ((query.schoolId() != null && !query.schoolId().equals(entry.schoolId()))
                    || (query.standardId() != null && !query.standardId().equals(entry.standardId()))
                    || (query.status() != null && query.status() != index.statuses().get(entry.variationId()))) {
                continue;
            }
            if (ids.size() == query.first()) {
                hasNext = true;
                break;
            }
            ids.add(entry.variationId());
            cursors.add(Cursors.encode(CURSOR_LIST, position));
        }
        return new VariationPage(views(store.findByIds(VariationDocument.class, ids, VariationDocument::id)),
                cursors, hasNext);
    }

    @QueryHandler
    public List<DueVariation> handle(FindVariationsDueQuery query) {
        return store.findDue(VariationDueDocument.class, "until", query.today()).stream()
                .map(d -> new DueVariation(d.standardId(), d.variationId()))
                .toList();
    }

    /** Views of these variations, each told whether its standard has moved on past the version it is pinned to. */
    List<VariationView> views(List<VariationDocument> variations) {
        Map<String, Integer> current = store.findByIds(StandardDocument.class,
                        variations.stream().map(VariationDocument::standardId).distinct().toList(), StandardDocument::id)
                .stream()
                .collect(Collectors.toMap(StandardDocument::id, s -> s.versions().stream()
                        .mapToInt(StandardDocument.VersionEntry::number).max().orElse(0)));
        return variations.stream()
                .map(v -> view(v, current.getOrDefault(v.standardId(), 0)))
                .toList();
    }

    public static VariationView view(VariationDocument v, int currentVersion) {
        int version = v.version() == null ? 0 : v.version();
        boolean drifted = v.status() != null && v.status().isOpen() && version < currentVersion;
        return new VariationView(v.id(), v.trustId(), v.schoolId(), v.standardId(), v.kind(), v.status(), version,
                drifted, v.description(), v.justification(), v.until(), v.decidedBy(),
                v.history().stream().map(VariationQueries::change).toList());
    }

    static VariationView.Change change(VariationDocument.Change c) {
        return new VariationView.Change(c.type(), c.status(), c.version(), c.at(), c.effectiveOn(), c.by(), c.note());
    }
}
