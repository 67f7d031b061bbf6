package org.accord.api.proposal;

/**
 * Every vote cast on a proposal, oldest first, changed ones included. Its own query, not part of
 * {@link ProposalView}: the history grows with every vote, and most reads of a proposal (a mutation's payload, a
 * list of proposals) never show it.
 */
public record FindVoteHistoryQuery(String proposalId) {
}
