package org.accord.api.proposal;

import java.time.Instant;

/** A new revision: the whole content as revised, so that any two revisions can be compared. */
public record ProposalRevisedEvent(String proposalId, String trustId, String teamId, int revision,
                                   ProposalContent content, String note, String revisedBy, Instant revisedAt) {
}
