package org.accord.query.proposal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.accord.api.proposal.DelegatedVotes;
import org.accord.api.proposal.DelegationStatus;
import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.FindProposalsQuery;
import org.accord.api.proposal.FindVoteHistoryQuery;
import org.accord.api.proposal.FindVotingsDueQuery;
import org.accord.api.proposal.ProposalPage;
import org.accord.api.proposal.ProposalView;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VoteDelegationView;
import org.accord.query.shared.Cursors;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

@Component
public class ProposalQueries {

    private static final String CURSOR_LIST = "proposal";

    private final ReadModelStore store;

    public ProposalQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public ProposalView handle(FindProposalQuery query) {
        ProposalDocument document = store.findById(ProposalDocument.class, query.proposalId());
        return document == null || document.trustId() == null ? null : view(document, query.withVotes());
    }

    /**
     * A page of the trust's proposals in the order they were drafted, by team and status if asked: one range of a
     * lookup's index, one more than asked to tell whether there is a next page. The cursor is the position.
     */
    @QueryHandler
    public ProposalPage handle(FindProposalsQuery query) {
        Map<String, Object> equalTo = new LinkedHashMap<>();
        equalTo.put("trustId", query.trustId());
        if (query.teamId() != null) {
            equalTo.put("teamId", query.teamId());
        }
        if (query.status() != null) {
            equalTo.put("status", query.status());
        }
        List<ProposalDocument> found = store.findPage(ProposalDocument.class, equalTo, "position",
                start(query.after()) - 1L, query.first() + 1);
        List<ProposalDocument> page = found.subList(0, Math.min(found.size(), query.first()));
        return new ProposalPage(page.stream().map(d -> view(d, true)).toList(),
                page.stream().map(d -> cursor(d.position().intValue())).toList(), found.size() > query.first());
    }

    @QueryHandler
    public List<String> handle(FindVotingsDueQuery query) {
        return store.findDue(OpenVotingDocument.class, "closesAt", query.now()).stream()
                .map(OpenVotingDocument::proposalId)
                .toList();
    }

    static String cursor(int position) {
        return Cursors.encode(CURSOR_LIST, position);
    }

    static int start(String after) {
        return Cursors.startAfter(CURSOR_LIST, after);
    }

    /**
     * Every vote cast on the proposal, in the order cast: one range of the votes' lookup. Asked for apart from the
     * proposal, because it grows with every vote: read with each proposal, it made a vote's payload cost more with
     * every vote before it (docs/benchmarks.md, run 21).
     */
    @QueryHandler
    public List<ProposalView.Vote> handle(FindVoteHistoryQuery query) {
        return store.findPage(ProposalVoteDocument.class, Map.of("proposalId", query.proposalId()), "sequence",
                Long.MIN_VALUE, Integer.MAX_VALUE).stream()
                .map(v -> new ProposalView.Vote(v.voterId(), v.choice(), v.rationale(), v.castAt())).toList();
    }

    /**
     * The standing votes, in the order cast: one range of their lookup, none before voting opened (no vote can be
     * cast until then).
     */
    private List<ProposalStandingVoteDocument> standingVotes(ProposalDocument d) {
        return d.openedAt() == null ? List.of() : store.findPage(ProposalStandingVoteDocument.class,
                Map.of("proposalId", d.id()), "sequence", Long.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Without its votes: none read, none reckoned from (FindProposalQuery says what is left empty). */
    private ProposalView view(ProposalDocument d, boolean withVotes) {
        List<ProposalStandingVoteDocument> votes = withVotes ? standingVotes(d) : List.of();
        Map<String, ProposalDocument.RecusalEntry> recusals = d.recusals() == null ? Map.of() : d.recusals();
        List<String> eligible = d.eligibleVoters() == null ? List.of() : d.eligibleVoters();
        List<ProposalDocument.DelegationEntry> delegations = d.delegations() == null ? List.of()
                : d.delegations().values().stream()
                .sorted(Comparator.comparing(ProposalDocument.DelegationEntry::delegatedAt)
                        .thenComparing(ProposalDocument.DelegationEntry::delegationId))
                .toList();
        Map<String, VoteChoice> own = votes.stream()
                .collect(Collectors.toMap(ProposalStandingVoteDocument::voterId, ProposalStandingVoteDocument::choice));
        Set<String> recused = recusals.keySet();
        List<DelegatedVotes.Delegation> inForce = delegations.stream().filter(e -> e.revokedAt() == null)
                .map(e -> new DelegatedVotes.Delegation(e.delegatorId(), e.delegateId())).toList();
        DelegatedVotes.Counted counted = DelegatedVotes.count(eligible, own, recused, inForce);
        List<ProposalView.Vote> standing = votes.stream()
                .map(v -> vote(v, castFor(v.voterId(), counted))).toList();
        List<ProposalView.Recusal> recusalViews = recusals.values().stream()
                .sorted(Comparator.comparing(ProposalDocument.RecusalEntry::recusedAt))
                .map(r -> new ProposalView.Recusal(r.voterId(), r.interest(), r.recusedAt())).toList();
        List<ProposalView.Revision> revisions = d.revisions() == null ? List.of() : d.revisions().stream()
                .sorted(Comparator.comparingInt(ProposalDocument.RevisionEntry::number))
                .map(r -> new ProposalView.Revision(r.number(), r.content(), r.note(), r.revisedBy(), r.revisedAt()))
                .toList();
        Tally tally = d.finalTally() != null || !withVotes ? d.finalTally() : liveTally(counted, recusals, eligible);
        List<VoteDelegationView> delegationViews = !withVotes ? List.of() : delegations.stream()
                .map(e -> new VoteDelegationView(e.delegationId(), d.teamId(), d.id(), e.delegatorId(),
                        e.delegateId(), null, null, e.periodDelegationId(), e.delegatedAt(), e.revokedAt(),
                        e.revokedAt() != null ? DelegationStatus.REVOKED
                                : DelegatedVotes.status(new DelegatedVotes.Delegation(e.delegatorId(),
                                e.delegateId()), own, recused)))
                .toList();
        return new ProposalView(d.id(), d.trustId(), d.teamId(), d.kind(), d.status(), d.content(), d.standardId(),
                d.amendsVersion(), d.proposerId(), revisions, standing, recusalViews, tally, eligible,
                d.rule(), d.openedAt(), d.closesAt(), d.closedAt(), d.outcome(), d.decidedBy() == null ? null
                : new ProposalView.Adoption(d.adoptedVersion(), d.declineReason(), d.decidedBy(), d.decidedAt()),
                delegationViews);
    }

    /** The delegators whose vote this voter's vote was counted as. */
    private static List<String> castFor(String voterId, DelegatedVotes.Counted counted) {
        return counted.castBy().entrySet().stream().filter(e -> e.getValue().equals(voterId))
                .map(Map.Entry::getKey).toList();
    }

    /**
     * While voting runs: the votes that count now, own and delegated, as the close would count them
     * (DelegatedVotes). The final tally is the one recorded at close.
     */
    private static Tally liveTally(DelegatedVotes.Counted counted,
                                   Map<String, ProposalDocument.RecusalEntry> recusals, List<String> eligible) {
        return new Tally(count(counted.votes(), VoteChoice.APPROVE), count(counted.votes(), VoteChoice.OBJECT),
                count(counted.votes(), VoteChoice.ABSTAIN), recusals.size(), eligible.size(),
                counted.castBy().size());
    }

    private static int count(Map<String, VoteChoice> votes, VoteChoice choice) {
        return (int) votes.values().stream().filter(v -> v == choice).count();
    }

    private static ProposalView.Vote vote(ProposalStandingVoteDocument v, List<String> castFor) {
        return new ProposalView.Vote(v.voterId(), v.choice(), v.rationale(), v.castAt(), castFor);
    }
}
