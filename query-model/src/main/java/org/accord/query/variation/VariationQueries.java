package org.accord.query.variation;

import java.util.LinkedHashMap;
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

    /**
     * A page of the trust's variations in the order they were made, by school, standard and status if asked: one range
     * of a lookup's index, one more than asked to tell whether there is a next page. The cursor is the position.
     */
    @QueryHandler
    public VariationPage handle(FindVariationsQuery query) {
        Map<String, Object> equalTo = new LinkedHashMap<>();
        equalTo.put("trustId", query.trustId());
        if (query.schoolId() != null) {
            equalTo.put("schoolId", query.schoolId());
        }
        if (query.standardId() != null) {
            equalTo.put("standardId", query.standardId());
        }
        if (query.status() != null) {
            equalTo.put("status", query.status());
        }
        List<VariationDocument> found = store.findPage(VariationDocument.class, equalTo, "position",
                Cursors.startAfter(CURSOR_LIST, query.after()) - 1L, query.first() + 1);
        List<VariationDocument> page = found.subList(0, Math.min(found.size(), query.first()));
        return new VariationPage(views(page),
                page.stream().map(v -> Cursors.encode(CURSOR_LIST, v.position().intValue())).toList(),
                found.size() > query.first());
    }

    @QueryHandler
    public List<DueVariation> handle(FindVariationsDueQuery query) {
        return store.findDue(VariationDueDocument.class, "until", query.today()).stream()
                .map(d -> new DueVariation(d.standardId(), d.variationId()))
                .toList();
    }

    /** Views of these variations, each told whether its standard has moved on past the version it is pinned to. */
    public List<VariationView> views(List<VariationDocument> variations) {
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
