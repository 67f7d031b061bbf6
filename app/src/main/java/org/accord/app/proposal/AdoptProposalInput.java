package org.accord.app.proposal;

import java.time.LocalDate;

/** {@code clusterId}: the cluster a cluster standard is adopted for, by its lead (decision-rights map). */
public record AdoptProposalInput(String clientMutationId, String proposalId, LocalDate effectiveFrom,
                                 LocalDate reviewBy, String clusterId) {
}
