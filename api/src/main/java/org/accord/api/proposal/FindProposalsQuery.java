package org.accord.api.proposal;

/**
 * A page of a trust's proposals, oldest draft first. {@code status} and {@code teamId} narrow it when given;
 * {@code after} is the cursor of the last proposal already seen.
 */
public record FindProposalsQuery(String trustId, ProposalStatus status, String teamId, int first, String after) {
}
