package org.accord.query.team;

import org.accord.api.team.TeamFormedEvent;
import org.accord.api.team.TeamMemberAddedEvent;
import org.accord.api.team.TeamMemberRemovedEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.accord.query.trust.PersonDocument;
import org.accord.query.trust.TrustDocument;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Teams, and the team ids kept on their trust and on each member, so that {@code trust.teams} and {@code me.teams}
 * are key lookups.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class TeamProjection {

    private final ReadModelStore store;

    public TeamProjection(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Before a replay: forgets teams. Some documents (a trust's) are shared with other projections, so Accord always
     * resets every projection together (ReadModelRebuild), never one alone.
     */
    @ResetHandler
    void forgetEverything() {
        store.clear(TeamDocument.class);
    }

    @EventHandler
    void on(TeamFormedEvent event) {
        store.upsert(TeamDocument.class, event.teamId(), new Update()
                .set("trustId", event.trustId())
                .set("name", event.name())
                .set("remit", event.remit())
                .set("chairId", event.chairId())
                .set("memberIds", event.memberIds())
                .set("decisionRule", event.decisionRule()));
        store.upsert(TrustDocument.class, event.trustId(), new Update().addToSet("teamIds", event.teamId()));
        event.memberIds().forEach(member -> joinTeam(member, event.teamId()));
    }

    @EventHandler
    void on(TeamMemberAddedEvent event) {
        store.upsert(TeamDocument.class, event.teamId(), new Update().addToSet("memberIds", event.personId()));
        joinTeam(event.personId(), event.teamId());
    }

    @EventHandler
    void on(TeamMemberRemovedEvent event) {
        store.upsert(TeamDocument.class, event.teamId(), new Update().pull("memberIds", event.personId()));
        store.upsert(PersonDocument.class, event.personId(), new Update().pull("teamIds", event.teamId()));
    }

    private void joinTeam(String personId, String teamId) {
        store.upsert(PersonDocument.class, personId, new Update().addToSet("teamIds", teamId));
    }
}
