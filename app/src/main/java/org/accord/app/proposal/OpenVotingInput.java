package org.accord.app.proposal;

import java.time.Instant;

public record OpenVotingInput(String clientMutationId, String proposalId, Instant closesAt) {
}
