package org.accord.app.proposal;

import java.time.LocalDate;

public record AdoptProposalInput(String clientMutationId, String proposalId, LocalDate effectiveFrom,
                                 LocalDate reviewBy) {
}
