package org.accord.app.proposal;

import java.util.ArrayList;
import java.util.List;

import org.accord.api.proposal.ProposalPage;
import org.accord.api.proposal.ProposalView;

/** A Relay connection over a page of proposals. */
public record ProposalConnection(List<Edge> edges, PageInfo pageInfo) {

    public record Edge(String cursor, ProposalView node) {
    }

    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    static ProposalConnection of(ProposalPage page) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < page.proposals().size(); i++) {
            edges.add(new Edge(page.cursors().get(i), page.proposals().get(i)));
        }
        String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
        return new ProposalConnection(edges, new PageInfo(page.hasNextPage(), end));
    }

    static ProposalConnection empty() {
        return new ProposalConnection(List.of(), new PageInfo(false, null));
    }
}
