package org.accord.query.proposal;

import org.accord.api.proposal.AdoptionDeclinedEvent;
import org.accord.api.proposal.ProposalAdoptedEvent;
import org.accord.api.proposal.ProposalDraftedEvent;
import org.accord.api.proposal.ProposalRevisedEvent;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.proposal.ProposalWithdrawnEvent;
import org.accord.api.proposal.VoteCastEvent;
import org.accord.api.proposal.VoteDelegatedEvent;
import org.accord.api.proposal.VoteDelegationRevokedEvent;
import org.accord.api.proposal.VoterRecusedEvent;
import org.accord.api.proposal.VotingClosedEvent;
import org.accord.api.proposal.VotingOpenedEvent;
import org.accord.query.proposal.ProposalDocument.DelegationEntry;
import org.accord.query.proposal.ProposalDocument.RecusalEntry;
import org.accord.query.proposal.ProposalDocument.RevisionEntry;
import org.accord.query.shared.ReadModelStore;
import org.accord.query.shared.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Proposals (numbered in the order each trust drafted them), their votes one row each, and the votings still open, from
 * the proposal aggregate's events. Each event writes a few small rows, however many proposals and votes came before.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSOR)
public class ProposalProjection {

    private final ReadModelStore store;

    public ProposalProjection(ReadModelStore store) {
        this.store = store;
    }

    /**
     * Before a replay: forgets proposals, the trusts' counts of them, the standing votes, the votes cast and the open
     * votings. Some documents (a trust's) are shared with other projections, so Accord always resets every projection
     * together (ReadModelRebuild), never one alone.
     */
    @ResetHandler
    void forgetEverything() {
        store.clear(ProposalDocument.class, ProposalCountDocument.class, ProposalStandingVoteDocument.class,
                ProposalVoteDocument.class, OpenVotingDocument.class);
    }

    @EventHandler
    void on(ProposalDraftedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("trustId", event.trustId())
                .set("position", position(event.trustId(), event.proposalId()))
                .set("teamId", event.teamId())
                .set("kind", event.kind())
                .set("status", ProposalStatus.DRAFT)
                .set("content", event.content())
                .set("standardId", event.standardId())
                .set("amendsVersion", event.amendsVersion())
                .set("proposerId", event.proposerId())
                .addToSet("revisions", new RevisionEntry(1, event.content(), null, event.proposerId(),
                        event.draftedAt())));
    }

    /**
     * The proposal's place in its trust's list: the one it was given when first drafted, so that a redelivered draft
     * keeps it; else the trust's next, from its count (not from the clock, which a replay would not repeat).
     */
    private long position(String trustId, String proposalId) {
        ProposalDocument drafted = store.findById(ProposalDocument.class, proposalId);
        if (drafted != null && drafted.position() != null) {
            return drafted.position();
        }
        ProposalCountDocument count = store.findById(ProposalCountDocument.class, trustId);
        long position = count == null ? 0 : count.drafted();
        store.upsert(ProposalCountDocument.class, trustId, new Update().set("drafted", position + 1));
        return position;
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
        store.upsert(OpenVotingDocument.class, event.proposalId(), new Update().set("closesAt", event.closesAt()));
    }

    /** The voter's standing vote, written over by a change of mind; and a row of the history for every vote. */
    @EventHandler
    void on(VoteCastEvent event, @SequenceNumber long sequence) {
        store.upsert(ProposalStandingVoteDocument.class,
                ProposalStandingVoteDocument.idOf(event.proposalId(), event.voterId()), vote(event, sequence));
        store.upsert(ProposalVoteDocument.class, ProposalVoteDocument.idOf(event.proposalId(), sequence),
                vote(event, sequence));
    }

    /** A vote's fields, as both its rows hold them (a new update for each: a store may keep it until it writes). */
    private static Update vote(VoteCastEvent event, long sequence) {
        return new Update()
                .set("proposalId", event.proposalId())
                .set("sequence", sequence)
                .set("voterId", event.voterId())
                .set("choice", event.choice())
                .set("rationale", event.rationale())
                .set("castAt", event.castAt());
    }

    /** A recused voter's vote no longer stands (it stays in the history). */
    @EventHandler
    void on(VoterRecusedEvent event) {
        store.delete(ProposalStandingVoteDocument.class,
                ProposalStandingVoteDocument.idOf(event.proposalId(), event.voterId()));
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("recusals." + event.voterId(),
                        new RecusalEntry(event.voterId(), event.interest(), event.recusedAt())));
    }

    @EventHandler
    void on(VoteDelegatedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update().set("delegations." + event.delegationId(),
                new DelegationEntry(event.delegationId(), event.delegatorId(), event.delegateId(),
                        event.periodDelegationId(), event.delegatedAt(), null)));
    }

    /** The entry is written whole, with the time of revocation: redelivered, it writes the same again. */
    @EventHandler
    void on(VoteDelegationRevokedEvent event) {
        ProposalDocument proposal = store.findById(ProposalDocument.class, event.proposalId());
        DelegationEntry entry = proposal == null || proposal.delegations() == null ? null
                : proposal.delegations().get(event.delegationId());
        if (entry == null) {
            return;
        }
        store.upsert(ProposalDocument.class, event.proposalId(), new Update().set("delegations." + event.delegationId(),
                new DelegationEntry(entry.delegationId(), entry.delegatorId(), entry.delegateId(),
                        entry.periodDelegationId(), entry.delegatedAt(), event.revokedAt())));
    }

    @EventHandler
    void on(VotingClosedEvent event) {
        ProposalStatus status = ProposalStatus.valueOf(event.outcome().name());
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("status", status)
                .set("outcome", event.outcome())
                .set("finalTally", event.tally())
                .set("closedAt", event.closedAt()));
        store.delete(OpenVotingDocument.class, event.proposalId());
    }

    @EventHandler
    void on(ProposalWithdrawnEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update().set("status", ProposalStatus.WITHDRAWN));
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
    }

    @EventHandler
    void on(AdoptionDeclinedEvent event) {
        store.upsert(ProposalDocument.class, event.proposalId(), new Update()
                .set("status", ProposalStatus.DECLINED)
                .set("declineReason", event.reason())
                .set("decidedBy", event.declinedBy())
                .set("decidedAt", event.declinedAt()));
    }
}
