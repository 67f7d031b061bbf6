package org.accord.query.request;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.api.request.FindRequestOfProposalQuery;
import org.accord.api.request.FindRequestQuery;
import org.accord.api.request.FindRequestsQuery;
import org.accord.api.request.RequestPage;
import org.accord.api.request.RequestSupportView;
import org.accord.api.request.RequestView;
import org.accord.query.shared.Cursors;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class RequestQueries {

    private static final String CURSOR_LIST = "request";

    private final ReadModelStore store;

    public RequestQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public RequestView handle(FindRequestQuery query) {
        RequestDocument r = store.findById(RequestDocument.class, query.requestId());
        return r == null || r.trustId() == null ? null : view(r);
    }

    @QueryHandler
    public RequestView handle(FindRequestOfProposalQuery query) {
        RequestOfProposalDocument link = store.findById(RequestOfProposalDocument.class, query.proposalId());
        return link == null ? null : handle(new FindRequestQuery(link.requestId()));
    }

    /** A page of the trust's requests, oldest first: one range of a lookup's index, one more to tell if more follow. */
    @QueryHandler
    public RequestPage handle(FindRequestsQuery query) {
        Map<String, Object> equalTo = new LinkedHashMap<>();
        equalTo.put("trustId", query.trustId());
        if (query.status() != null) {
            equalTo.put("status", query.status());
        }
        List<RequestDocument> found = store.findPage(RequestDocument.class, equalTo, "position",
                Cursors.startAfter(CURSOR_LIST, query.after()) - 1L, query.first() + 1);
        List<RequestDocument> page = found.subList(0, Math.min(found.size(), query.first()));
        return new RequestPage(page.stream().map(RequestQueries::view).toList(),
                page.stream().map(r -> Cursors.encode(CURSOR_LIST, r.position().intValue())).toList(),
                found.size() > query.first());
    }

    static RequestView view(RequestDocument r) {
        List<RequestSupportView> supports = r.supports() == null ? List.of() : r.supports().stream()
                .map(s -> new RequestSupportView(s.supporterId(), s.schoolId(), s.reason(), s.supportedAt()))
                .toList();
        return new RequestView(r.id(), r.trustId(), r.schoolId(), r.area(), r.title(), r.reason(), r.status(),
                r.routedTeamIds() == null ? List.of() : r.routedTeamIds(), Boolean.TRUE.equals(r.routedToExecutive()),
                r.raisedBy(), r.raisedAt(), supports, r.teamId(), r.proposalId(), r.decidedBy(), r.decidedAt(),
                r.declineReason(), r.standardId());
    }
}
