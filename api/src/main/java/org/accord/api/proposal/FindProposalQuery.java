package org.accord.api.proposal;

/**
 * One proposal by id. {@code withVotes}: its standing votes read as well, with what is reckoned from them (the live
 * tally, each delegation's status). Without them, {@code votes} and {@code delegations} are empty and {@code tally} is
 * the one recorded at close (null while voting runs): for a caller that shows none of them, such as a mutation's
 * payload that asks only for the proposal's status, since the standing votes are a read of their own.
 */
public record FindProposalQuery(String proposalId, boolean withVotes) {

    /** The whole proposal, its votes included. */
    public FindProposalQuery(String proposalId) {
        this(proposalId, true);
    }
}
