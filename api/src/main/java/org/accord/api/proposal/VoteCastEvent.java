package org.accord.api.proposal;

import java.time.Instant;

/** A vote, or a changed vote: the latest one of each voter stands. */
public record VoteCastEvent(String proposalId, String trustId, String teamId, String voterId, VoteChoice choice,
                            String rationale, Instant castAt) {
}
