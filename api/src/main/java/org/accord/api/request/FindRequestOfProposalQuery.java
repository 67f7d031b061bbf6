package org.accord.api.request;

/** The request a proposal was drafted from, if any. */
public record FindRequestOfProposalQuery(String proposalId) {
}
