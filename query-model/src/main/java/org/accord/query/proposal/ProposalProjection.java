package org.accord.query.proposal;

import org.accord.api.proposal.AdoptionDeclinedEvent;
import org.accord.api.proposal.ProposalAdoptedEvent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalRevisedEvent;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.proposal.ProposalWithdrawnEvent;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoterRecusedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.query.proposal.ProposalDocument.RecusalEntry;
import org.accord.query.proposal.ProposalDocument.RevisionEntry;
import org.accord.query.proposal.ProposalDocument.VoteEntry;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Proposals, the trust's proposal index and the votings still open, from the proposal aggregate's events. */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class ProposalProjection {

    private final ReadModelStore store;

    public ProposalProjection(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Before a replay: forgets proposals, the trusts' proposal indexes and the open votings. Some documents (a trust's)
     * are shared with other projections, so Accord always resets every projection together (ReadModelRebuild), never
     * one alone.
     */
    @ResetHandler
    void forgetEverything() {
        store.clear(ProposalDocument.class, ProposalIndexDocument.class, OpenVotingDocument.class);
    }

    @EventHandler
    void on(ProposalDraftedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("trustId", event.trustId())
                .set("teamId", event.teamId())
                .set("kind", event.kind())
                .set("status", ProposalStatus.DRAFT)
                .set("content", event.content())
                .set("standardId", event.standardId())
                .set("amendsVersion", event.amendsVersion())
                .set("proposerId", event.proposerId())
                .addToSet("revisions", new RevisionEntry(1, event.content(), null, event.proposerId(),
                        event.draftedAt())));
        store.upsert(ProposalIndexDocument.class, event.trustId(), new Update()
                .addToSet("entries", new ProposalIndexDocument.Entry(event.proposalId(), event.teamId()))
                .set("statuses." + event.proposalId(), ProposalStatus.DRAFT));
    }

    @EventHandler
    void on(ProposalRevisedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("content", event.content())
                .addToSet("revisions", new RevisionEntry(event.revision(), event.content(), event.note(),
                        event.revisedBy(), event.revisedAt())));
    }

    @EventHandler
    void on(VotingOpenedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("status", ProposalStatus.VOTING)
                .set("eligibleVoters", event.eligibleVoters())
                .set("rule", event.rule())
                .set("openedAt", event.openedAt())
                .set("closesAt", event.closesAt()));
        status(event.trustId(), event.proposalId(), ProposalStatus.VOTING);
        store.upsert(OpenVotingDocument.class, event.proposalId(), new Update().set("closesAt", event.closesAt()));
    }

    @EventHandler
    void on(VoteCastEvent event, @MessageIdentifier String eventId) {
        VoteEntry vote = new VoteEntry(eventId, event.voterId(), event.choice(), event.rationale(), event.castAt());
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("votes." + event.voterId(), vote)
                .addToSet("voteHistory", vote));
    }

    @EventHandler
    void on(VoterRecusedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .unset("votes." + event.voterId())
                .set("recusals." + event.voterId(),
                        new RecusalEntry(event.voterId(), event.interest(), event.recusedAt())));
    }

    @EventHandler
    void on(VotingClosedEvent event) {
        ProposalStatus status = ProposalStatus.valueOf(event.outcome().name());
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("status", status)
                .set("outcome", event.outcome())
                .set("finalTally", event.tally())
                .set("closedAt", event.closedAt()));
        status(event.trustId(), event.proposalId(), status);
        store.delete(OpenVotingDocument.class, event.proposalId());
    }

    @EventHandler
    void on(ProposalWithdrawnEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update().set("status", ProposalStatus.WITHDRAWN));
        status(event.trustId(), event.proposalId(), ProposalStatus.WITHDRAWN);
        store.delete(OpenVotingDocument.class, event.proposalId());
    }

    @EventHandler
    void on(ProposalAdoptedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("status", ProposalStatus.ADOPTED)
                .set("standardId", event.standardId())
                .set("adoptedVersion", event.version())
                .set("decidedBy", event.adoptedBy())
                .set("decidedAt", event.adoptedAt()));
        status(event.trustId(), event.proposalId(), ProposalStatus.ADOPTED);
    }

    @EventHandler
    void on(AdoptionDeclinedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("status", ProposalStatus.DECLINED)
                .set("declineReason", event.reason())
                .set("decidedBy", event.declinedBy())
                .set("decidedAt", event.declinedAt()));
        status(event.trustId(), event.proposalId(), ProposalStatus.DECLINED);
    }

    private void status(String trustId, String proposalId, ProposalStatus status) {
        store.upsert(ProposalIndexDocument.class, trustId, new Update().set("statuses." + proposalId, status));
    }
}
