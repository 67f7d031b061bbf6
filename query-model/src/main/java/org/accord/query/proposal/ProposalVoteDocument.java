package org.accord.query.proposal;

import java.time.Instant;

import org.accord.api.proposal.VoteChoice;
import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One vote cast, a row of a proposal's vote history, ordered by the event's sequence number in the proposal's stream,
 * which a replay gives it again.
 * <p>
 * Its id is that place in the stream ({@link #idOf}): the proposal's id and the sequence number, which name the event
 * as well as its identifier does, so a redelivered vote is written over itself. Why not the event's identifier: it is
 * random, and the rows' index by id took every vote where a random key falls, so a batch of a rebuild's votes
 * changed pages all over it; the index's pages made up most of the 5.1 GB a rebuild of 1M events wrote (2.0 GB with
 * this id, docs/benchmarks.md, session 36). Rows written under the earlier id stay as they are: each vote has one
 * row either way, and a rebuild writes them all again.
 */
@Lookup(by = "proposalId", sortedBy = "sequence")
@Document("proposal_votes")
public record ProposalVoteDocument(@Id String id, String proposalId, long sequence, String voterId,
                                   VoteChoice choice, String rationale, Instant castAt) {

    /** The row's id: a proposal's votes have ids of one prefix, so a batch adds them to a few places of the index. */
    public static String idOf(String proposalId, long sequence) {
        return proposalId + "#" + sequence;
    }
}
