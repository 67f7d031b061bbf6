package org.accord.api.review;

import java.time.Instant;
import java.time.LocalDate;

import org.accord.api.proposal.ProposalKind;

/**
 * A review of the standard's current {@code version} raised the draft proposal {@code proposalId} (an amendment or
 * a retirement) in team {@code teamId}. {@code dueOn} is the review date it answered (null where none was set).
 */
public record ReviewProposalRaisedEvent(String standardId, String trustId, int version, String proposalId,
                                        String teamId, ProposalKind kind, LocalDate dueOn, String raisedBy,
                                        Instant raisedAt) {
}
