package org.accord.api.proposal;

/** The period delegations made in a team, oldest first, revoked ones included. Answered with VoteDelegationView rows. */
public record FindPeriodDelegationsQuery(String teamId) {
}
