package org.accord.app.proposal;

import org.accord.api.proposal.ProposalView;
import org.accord.api.standard.StandardView;

public record AdoptProposalPayload(String clientMutationId, StandardView standard, ProposalView proposal) {
}
