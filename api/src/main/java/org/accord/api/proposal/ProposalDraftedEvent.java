package org.accord.api.proposal;

import java.time.Instant;

/** Revision 1 of a proposal, by a member of the team. */
public record ProposalDraftedEvent(String proposalId, String trustId, String teamId, ProposalKind kind,
                                   String standardId, Integer amendsVersion, ProposalContent content,
                                   String proposerId, Instant draftedAt) {
}
