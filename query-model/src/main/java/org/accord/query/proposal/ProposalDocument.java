package org.accord.query.proposal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VoteChoice;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.team.DecisionRule;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Everything about one proposal, in one document found by id: its revisions, each voter's standing vote (keyed by
 * voter, so a changed vote replaces the old one), the full vote history and the recusals.
 */
@Document("proposals")
public record ProposalDocument(@Id String id, String trustId, String teamId, ProposalKind kind, ProposalStatus status,
                               ProposalContent content, String standardId, Integer amendsVersion, String proposerId,
                               List<RevisionEntry> revisions, Map<String, VoteEntry> votes,
                               List<VoteEntry> voteHistory, Map<String, RecusalEntry> recusals,
                               List<String> eligibleVoters, DecisionRule rule, Instant openedAt, Instant closesAt,
                               Instant closedAt, VotingOutcome outcome, Tally finalTally, Integer adoptedVersion,
                               String declineReason, String decidedBy, Instant decidedAt) {

    /** {@code eventId} makes each entry unique, so a redelivered event is added once ($addToSet). */
    public record RevisionEntry(int number, ProposalContent content, String note, String revisedBy,
                                Instant revisedAt) {
    }

    public record VoteEntry(String eventId, String voterId, VoteChoice choice, String rationale, Instant castAt) {
    }

    public record RecusalEntry(String voterId, String interest, Instant recusedAt) {
    }
}
