package org.accord.app.request;

import java.util.List;

import org.accord.api.standard.Area;
import org.accord.api.team.FindTeamsQuery;
import org.accord.api.team.TeamView;
import org.accord.api.trust.FindTrustQuery;
import org.accord.api.trust.TrustView;
import org.accord.app.shared.Queries;
import org.springframework.stereotype.Component;

/**
 * Routes by the teams' remits as the read model has them. A remit is fixed when a team is formed, and every mutation
 * returns only once the read models have caught up with it, so the read model answers exactly what the events say.
 */
@Component
class TeamRemitRouting implements RequestRouting {

    private final Queries queries;

    TeamRemitRouting(Queries queries) {
        this.queries = queries;
    }

    @Override
    public List<String> teamsCovering(String trustId, Area area) {
        TrustView trust = queries.one(new FindTrustQuery(trustId), TrustView.class);
        if (trust == null || trust.teamIds() == null) {
            return List.of();
        }
        return queries.list(new FindTeamsQuery(trust.teamIds()), TeamView.class).stream()
                .filter(t -> trustId.equals(t.trustId()) && t.remit() != null && t.remit().contains(area))
                .map(TeamView::id)
                .toList();
    }
}
