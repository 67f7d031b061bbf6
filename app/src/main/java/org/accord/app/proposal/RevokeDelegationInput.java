package org.accord.app.proposal;

/** The caller's delegation on a proposal ({@code proposalId}), or one of their period delegations in a team. */
public record RevokeDelegationInput(String clientMutationId, String proposalId, String teamId, String delegationId) {
}
