package org.accord.api.proposal;

/** What a proposal in DRAFT or VOTING would do to the trust's schools if adopted; null for any other status. */
public record FindProposalImpactQuery(String proposalId) {
}
