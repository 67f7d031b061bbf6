package org.accord.app.proposal;

import java.time.LocalDate;

/** One proposal ({@code proposalId}) or a period of a team ({@code teamId}, {@code from}, {@code to}). */
public record DelegateVoteInput(String clientMutationId, String proposalId, String teamId, String delegateId,
                                LocalDate from, LocalDate to) {
}
