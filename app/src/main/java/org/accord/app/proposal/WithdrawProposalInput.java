package org.accord.app.proposal;

public record WithdrawProposalInput(String clientMutationId, String proposalId, String reason) {
}
