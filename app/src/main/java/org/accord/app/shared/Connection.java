package org.accord.app.shared;

import java.util.ArrayList;
import java.util.List;

/** A Relay connection: a page of nodes with their cursors, and whether more follow. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    /** {@code cursors.get(i)} is the cursor of {@code nodes.get(i)}. */
    public static <T> Connection<T> of(List<T> nodes, List<String> cursors, boolean hasNextPage) {
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            edges.add(new Edge<>(cursors.get(i), nodes.get(i)));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new Connection<>(edges, new PageInfo(hasNextPage, end));
    }

    public static <T> Connection<T> empty() {
        return new Connection<>(List.of(), new PageInfo(false, null));
    }
}
