package org.accord.api.team;

/**
 * How a team decides. {@code quorum}: share of eligible voters who must take part; {@code threshold}: share of
 * approve among approve + object; both fractions from 0 to 1.
 */
public record DecisionRule(DecisionMode mode, double quorum, double threshold, int votingWindowHours) {
}
