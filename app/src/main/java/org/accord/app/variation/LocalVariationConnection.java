package org.accord.app.variation;

import java.util.ArrayList;
import java.util.List;

import org.accord.api.variation.VariationPage;
import org.accord.api.variation.VariationView;

/** A Relay connection over a page of variations. */
public record LocalVariationConnection(List<Edge> edges, PageInfo pageInfo) {

    public record Edge(String cursor, VariationView node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    static LocalVariationConnection of(VariationPage page) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < page.variations().size(); i++) {
            edges.add(new Edge(page.cursors().get(i), page.variations().get(i)));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new LocalVariationConnection(edges, new PageInfo(page.hasNextPage(), end));
    }

    static LocalVariationConnection empty() {
        return new LocalVariationConnection(List.of(), new PageInfo(false, null));
    }
}
