package org.accord.api.proposal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Voting closes within 48 hours and these eligible voters have neither voted, recused nor delegated: Accord reminded
 * them (their inboxes say so). Ids only, like every event. Recorded once per vote, by Accord.
 */
public record VotingClosingSoonEvent(String proposalId, String trustId, String teamId, List<String> notYetVoted,
                                     int eligible, Instant closesAt, Instant remindedAt) {

    /** How long before its deadline a vote's reminder is due. */
    public static final Duration BEFORE_DEADLINE = Duration.ofHours(48);
}
