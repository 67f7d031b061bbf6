package org.accord.api.proposal;

import java.time.Instant;
import java.util.List;

/** A proposal as the read model holds it: current content, every revision, standing votes and their history. */
public record ProposalView(String id, String trustId, String teamId, ProposalKind kind, ProposalStatus status,
                           ProposalContent content, String standardId, Integer amendsVersion, String proposerId,
                           List<Revision> revisions, List<Vote> votes, List<Vote> voteHistory,
                           List<Recusal> recusals, Tally tally, List<String> eligibleVoters, Instant openedAt,
                           Instant closesAt, Instant closedAt, VotingOutcome outcome) {

    public record Revision(int number, ProposalContent content, String note, String revisedBy, Instant revisedAt) {
    }

    public record Vote(String voterId, VoteChoice choice, String rationale, Instant castAt) {
    }

    public record Recusal(String voterId, String interest, Instant recusedAt) {
    }
}
