package org.accord.query.proposal;

import java.util.List;
import java.util.Map;

import org.accord.api.proposal.DelegationStatus;
import org.accord.api.proposal.FindPeriodDelegationsQuery;
import org.accord.api.proposal.VoteDelegationView;
import org.accord.api.team.PeriodDelegationRevokedEvent;
import org.accord.api.team.TeamMemberRemovedEvent;
import org.accord.api.team.VotesDelegatedForPeriodEvent;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The period delegations of each team's members, from the team's events, and the query that lists them. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class PeriodDelegationProjection {

    private final ReadModelStore store;

    public PeriodDelegationProjection(ReadModelStore store) {
        this.store = store;
    }

    @ResetHandler
    void forgetEverything() {
        store.clear(PeriodDelegationDocument.class);
    }

    @EventHandler
    void on(VotesDelegatedForPeriodEvent event, @SequenceNumber long sequence) {
        store.upsert(PeriodDelegationDocument.class, event.delegationId(), new Update()
                .set("teamId", event.teamId())
                .set("trustId", event.trustId())
                .set("sequence", sequence)
                .set("delegatorId", event.delegatorId())
                .set("delegateId", event.delegateId())
                .set("from", event.from())
                .set("to", event.to())
                .set("delegatedAt", event.delegatedAt()));
    }

    @EventHandler
    void on(PeriodDelegationRevokedEvent event) {
        store.upsert(PeriodDelegationDocument.class, event.delegationId(),
                new Update().set("revokedAt", event.revokedAt()));
    }

    /** As the team does: a delegation whose delegator or delegate leaves ends, never to return. */
    @EventHandler
    void on(TeamMemberRemovedEvent event, EventMessage<?> message) {
        for (PeriodDelegationDocument d : ofTeam(event.teamId())) {
            boolean involved = event.personId().equals(d.delegatorId()) || event.personId().equals(d.delegateId());
            if (involved && d.revokedAt() == null && d.endedAt() == null) {
                store.upsert(PeriodDelegationDocument.class, d.id(),
                        new Update().set("endedAt", message.getTimestamp()));
            }
        }
    }

    @QueryHandler
    public List<VoteDelegationView> handle(FindPeriodDelegationsQuery query) {
        return ofTeam(query.teamId()).stream().map(PeriodDelegationProjection::view).toList();
    }

    private List<PeriodDelegationDocument> ofTeam(String teamId) {
        return store.findPage(PeriodDelegationDocument.class, Map.of("teamId", teamId), "sequence", Long.MIN_VALUE,
                Integer.MAX_VALUE);
    }

    private static VoteDelegationView view(PeriodDelegationDocument d) {
        DelegationStatus status = d.revokedAt() != null ? DelegationStatus.REVOKED
                : d.endedAt() != null ? DelegationStatus.ENDED : DelegationStatus.IN_FORCE;
        return new VoteDelegationView(d.id(), d.teamId(), null, d.delegatorId(), d.delegateId(), d.from(), d.to(),
                null, d.delegatedAt(), d.revokedAt() != null ? d.revokedAt() : d.endedAt(), status);
    }
}
