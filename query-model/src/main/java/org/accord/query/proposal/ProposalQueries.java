package org.accord.query.proposal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.accord.api.proposal.FindProposalQuery;
import org.accord.api.proposal.FindProposalsQuery;
import org.accord.api.proposal.FindVotingsDueQuery;
import org.accord.api.proposal.ProposalPage;
import org.accord.api.proposal.ProposalView;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteChoice;
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
        return document == null || document.trustId() == null ? null : view(document);
    }

    /** Walks the trust's index from the cursor, keeping the entries that pass the filters, one more than asked. */
    @QueryHandler
    public ProposalPage handle(FindProposalsQuery query) {
        ProposalIndexDocument index = store.findById(ProposalIndexDocument.class, query.trustId());
        if (index == null) {
            return new ProposalPage(List.of(), List.of(), false);
        }
        List<ProposalIndexDocument.Entry> entries = index.entries();
        List<String> ids = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        boolean hasNext = false;
        for (int position = start(query.after()); position < entries.size(); position++) {
            ProposalIndexDocument.Entry entry = entries.get(position);
            if (query.teamId() != null && !query.teamId().equals(entry.teamId())) {
                continue;
            }
            if (query.status() != null && query.status() != index.statuses().get(entry.proposalId())) {
                continue;
            }
            if (ids.size() == query.first()) {
                hasNext = true;
                break;
            }
            ids.add(entry.proposalId());
            cursors.add(cursor(position));
        }
        List<ProposalView> proposals = store.findByIds(ProposalDocument.class, ids, ProposalDocument::id).stream()
                .map(ProposalQueries::view).toList();
        return new ProposalPage(proposals, cursors, hasNext);
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

    static ProposalView view(ProposalDocument d) {
        Map<String, ProposalDocument.VoteEntry> votes = d.votes() == null ? Map.of() : d.votes();
        Map<String, ProposalDocument.RecusalEntry> recusals = d.recusals() == null ? Map.of() : d.recusals();
        List<String> eligible = d.eligibleVoters() == null ? List.of() : d.eligibleVoters();
        List<ProposalView.Vote> standing = votes.values().stream()
                .sorted(Comparator.comparing(ProposalDocument.VoteEntry::castAt))
                .map(ProposalQueries::vote).toList();
        List<ProposalView.Vote> history = d.voteHistory() == null ? List.of()
                : d.voteHistory().stream().map(ProposalQueries::vote).toList();
        List<ProposalView.Recusal> recused = recusals.values().stream()
                .sorted(Comparator.comparing(ProposalDocument.RecusalEntry::recusedAt))
                .map(r -> new ProposalView.Recusal(r.voterId(), r.interest(), r.recusedAt())).toList();
        List<ProposalView.Revision> revisions = d.revisions() == null ? List.of() : d.revisions().stream()
                .sorted(Comparator.comparingInt(ProposalDocument.RevisionEntry::number))
                .map(r -> new ProposalView.Revision(r.number(), r.content(), r.note(), r.revisedBy(), r.revisedAt()))
                .toList();
        Tally tally = d.finalTally() != null ? d.finalTally() : liveTally(votes, recusals, eligible);
        return new ProposalView(d.id(), d.trustId(), d.teamId(), d.kind(), d.status(), d.content(), d.standardId(),
                d.amendsVersion(), d.proposerId(), revisions, standing, history, recused, tally, eligible, d.rule(),
                d.openedAt(), d.closesAt(), d.closedAt(), d.outcome(), d.decidedBy() == null ? null
                : new ProposalView.Adoption(d.adoptedVersion(), d.declineReason(), d.decidedBy(), d.decidedAt()));
    }

    /** While voting runs: the standing votes as they are now. The final tally is the one recorded at close. */
    private static Tally liveTally(Map<String, ProposalDocument.VoteEntry> votes,
                                   Map<String, ProposalDocument.RecusalEntry> recusals, List<String> eligible) {
        return new Tally(count(votes, VoteChoice.APPROVE), count(votes, VoteChoice.OBJECT),
                count(votes, VoteChoice.ABSTAIN), recusals.size(), eligible.size());
    }

    private static int count(Map<String, ProposalDocument.VoteEntry> votes, VoteChoice choice) {
        return (int) votes.values().stream().filter(v -> v.choice() == choice).count();
    }

    private static ProposalView.Vote vote(ProposalDocument.VoteEntry v) {
        return new ProposalView.Vote(v.voterId(), v.choice(), v.rationale(), v.castAt());
    }
}
