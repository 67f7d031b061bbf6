package org.accord.query.proposal;

import java.time.Instant;

import org.accord.api.proposal.VoteChoice;
import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A voter's standing vote on a proposal: the latest one they cast, until they recuse. A row of its own beside the
 * proposal, so that a vote writes two small rows (this and its row of the history, {@link ProposalVoteDocument}) and
 * leaves the proposal's document as it was: while the standing votes were inside it, every vote read, re-encoded and
 * deflated the whole proposal, its content and each revision's content with it (docs/benchmarks.md, session 38).
 * <p>
 * Listed by proposal in the order the standing votes were cast ({@code sequence}: the vote's place in the proposal's
 * stream, which a replay gives it again). Its id is the proposal's and the voter's ({@link #idOf}), one row per
 * voter: a change of mind writes over it, a redelivered vote writes the same again.
 */
@Lookup(by = "proposalId", sortedBy = "sequence")
@Document("proposal_standing_votes")
public record ProposalStandingVoteDocument(@Id String id, String proposalId, long sequence, String voterId,
                                           VoteChoice choice, String rationale, Instant castAt) {

    /** The row's id: a proposal's standing votes have ids of one prefix, so they sit together in the index. */
    public static String idOf(String proposalId, String voterId) {
        return proposalId + "@" + voterId;
    }
}
