package org.accord.api.proposal;

/**
 * The count of standing votes. {@code eligible} is the number of voters fixed when voting opened, recused ones
 * included; {@code recused} of them declared an interest and are not counted.
 */
public record Tally(int approve, int object, int abstain, int recused, int eligible) {
}
