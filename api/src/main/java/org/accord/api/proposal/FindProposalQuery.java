package org.accord.api.proposal;

public record FindProposalQuery(String proposalId) {
}
