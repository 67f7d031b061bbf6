package org.accord.app.proposal;

public record CloseVotingInput(String clientMutationId, String proposalId) {
}
