package org.accord.api.proposal;

import java.time.Instant;

public record ProposalWithdrawnEvent(String proposalId, String trustId, String teamId, String reason,
                                     String withdrawnBy, Instant withdrawnAt) {
}
