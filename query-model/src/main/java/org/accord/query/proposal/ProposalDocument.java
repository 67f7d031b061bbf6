package org.accord.query.proposal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.accord.api.proposal.ProposalContent;
import org.accord.api.proposal.ProposalKind;
import org.accord.api.proposal.ProposalStatus;
import org.accord.api.proposal.Tally;
import org.accord.api.proposal.VotingOutcome;
import org.accord.api.team.DecisionRule;
import org.accord.query.shared.Lookup;
import org.accord.query.shared.RedeliveryGuard;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One proposal, found by id, or a trust's proposals a page at a time, in the order they were drafted
 * ({@code position}, numbered from 0 per trust), by team or status too. Every list in it is bounded by the proposal
 * itself: its revisions (a handful), each voter's recusal (keyed by voter, so one per eligible voter), its
 * delegations (at most a few per eligible voter). The votes live apart, so that a vote leaves this document as it
 * was: each voter's standing vote a row ({@link ProposalStandingVoteDocument}), and the history of every vote cast,
 * which grows with each change of mind, a row per vote ({@link ProposalVoteDocument}).
 * <p>
 * A redelivery guard: a redelivered draft finds its position here and keeps it, so the document is written after the
 * trust's count of drafts ({@link ProposalCountDocument}); a crash between the two leaves a gap, never two proposals
 * at one position.
 */
@RedeliveryGuard
@Lookup(by = "trustId", sortedBy = "position")
@Lookup(by = {"trustId", "teamId"}, sortedBy = "position")
@Lookup(by = {"trustId", "status"}, sortedBy = "position")
@Document("proposals")
public record ProposalDocument(@Id String id, String trustId, Long position, String teamId, ProposalKind kind,
                               ProposalStatus status, ProposalContent content, String standardId,
                               Integer amendsVersion, String proposerId,
                               List<RevisionEntry> revisions, Map<String, RecusalEntry> recusals,
                               List<String> eligibleVoters, DecisionRule rule, Instant openedAt, Instant closesAt,
                               Instant closedAt, VotingOutcome outcome, Tally finalTally, Integer adoptedVersion,
                               String declineReason, String decidedBy, Instant decidedAt,
                               Map<String, DelegationEntry> delegations) {

    /** {@code eventId} makes each entry unique, so a redelivered event is added once ($addToSet). */
    public record RevisionEntry(int number, ProposalContent content, String note, String revisedBy,
                                Instant revisedAt) {
    }

    public record RecusalEntry(String voterId, String interest, Instant recusedAt) {
    }

    /** A delegation on this proposal, keyed by its id; {@code revokedAt} once the delegator took it back. */
    public record DelegationEntry(String delegationId, String delegatorId, String delegateId,
                                  String periodDelegationId, Instant delegatedAt, Instant revokedAt) {
    }
}
