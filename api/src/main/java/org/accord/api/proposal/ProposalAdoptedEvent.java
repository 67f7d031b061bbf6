package org.accord.api.proposal;

import java.time.Instant;

/** The proposal's decision became part of the backbone: as this version of this standard. */
public record ProposalAdoptedEvent(String proposalId, String trustId, String teamId, String standardId, int version,
                                   String adoptedBy, Instant adoptedAt) {
}
