package org.accord.query.team;

import java.util.List;

import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class TeamQueries {

    private final ReadModelStore store;

    public TeamQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public List<TeamView> handle(FindTeamsQuery query) {
        return store.findByIds(TeamDocument.class, query.teamIds(), TeamDocument::id).stream()
                .filter(t -> t.name() != null)
                .map(t -> new TeamView(t.id(), t.trustId(), t.name(), t.remit(), t.chairId(), t.memberIds(),
                        t.decisionRule()))
                .toList();
    }
}
