package org.accord.query.proposal;

import java.time.Instant;

import org.accord.api.proposal.VoteChoice;
import org.accord.query.shared.Lookup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One vote cast, a row of a proposal's vote history, found by the event that cast it (so a redelivered vote is written
 * over itself) and ordered by the event's sequence number in the proposal's stream, which a replay gives it again.
 */
@Lookup(by = "proposalId", sortedBy = "sequence")
@Document("proposal_votes")
public record ProposalVoteDocument(@Id String eventId, String proposalId, long sequence, String voterId,
                                   VoteChoice choice, String rationale, Instant castAt) {
}
