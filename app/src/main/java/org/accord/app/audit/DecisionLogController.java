package org.accord.app.audit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.accord.api.audit.DecisionLogPage;
import org.accord.api.audit.DecisionRecordView;
import org.accord.api.audit.FindDecisionLogQuery;
import org.accord.api.shared.Actor;
import org.accord.api.shared.DomainException;
import org.accord.app.person.PersonDirectory;
import org.accord.app.security.AccordUser;
import org.accord.app.shared.Check;
import org.accord.app.shared.Connection;
import org.accord.app.shared.Queries;
import org.accord.query.audit.DecisionFeed;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * The decision log and its live feed. Everyone in the trust may read its log (boards audit it; the decisions are the
 * trust's shared record); nobody outside the trust sees anything of it.
 */
@Controller
public class DecisionLogController {

    private final Queries queries;
    private final DecisionFeed feed;
    private final PersonDirectory directory;

    public DecisionLogController(Queries queries, DecisionFeed feed, PersonDirectory directory) {
        this.queries = queries;
        this.feed = feed;
        this.directory = directory;
    }

    @QueryMapping
    public Connection<DecisionRecordView> decisionLog(@Argument String trustId,
                                                      @Argument DecisionLogFilterInput filter,
                                                      @Argument Integer first, @Argument String after,
                                                      @Argument Boolean newestFirst,
                                                      @AuthenticationPrincipal AccordUser caller) {
        int size = Check.pageSize(first);
        if ((caller == null || !caller.mayRead(trustId))) {
            return Connection.empty();
        }
        DecisionLogPage page = queries.one(new FindDecisionLogQuery(trustId,
                filter == null ? null : filter.toFilter(), size, after,
                Boolean.TRUE.equals(newestFirst)), DecisionLogPage.class);
        return Connection.of(page.records(), page.cursors(), page.hasNextPage());
    }

    @SubscriptionMapping
    public Flux<DecisionRecordView> decisionRecorded(@Argument String trustId,
                                                     @AuthenticationPrincipal AccordUser caller) {
        if ((caller == null || !caller.mayRead(trustId))) {
            return Flux.error(DomainException.notFound("unknown trust '" + trustId + "'"));
        }
        return feed.records(trustId);
    }

    @BatchMapping(typeName = "DecisionRecord", field = "actor")
    public Map<DecisionRecordView, ActorView> actor(List<DecisionRecordView> records) {
        Map<String, PersonDirectory.Entry> entries = directory.entries(records.stream()
                .map(DecisionRecordView::actorId).filter(id -> !Actor.SYSTEM.equals(id)).distinct().toList());
        return records.stream().collect(Collectors.toMap(r -> r, r -> {
            if (Actor.SYSTEM.equals(r.actorId())) {
                return new ActorView(Actor.SYSTEM, "Accord", false);
            }
            PersonDirectory.Entry entry = entries.get(r.actorId());
            return entry == null ? new ActorView(r.actorId(), null, false)
                    : new ActorView(r.actorId(), entry.displayName(), entry.erased());
        }, (a, b) -> a));
    }
}
