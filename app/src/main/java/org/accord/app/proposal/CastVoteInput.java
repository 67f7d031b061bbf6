package org.accord.app.proposal;

import org.accord.api.proposal.VoteChoice;

public record CastVoteInput(String clientMutationId, String proposalId, VoteChoice choice, String rationale) {
}
