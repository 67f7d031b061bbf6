package org.accord.api.proposal;

/**
 * The count of standing votes. {@code eligible} is the number of voters fixed when voting opened, recused ones
 * included; {@code recused} of them declared an interest and are not counted. {@code approve}, {@code object} and
 * {@code abstain} count delegated votes too: {@code delegated} says how many of them were cast by a delegate for a
 * delegator (DelegatedVotes).
 */
public record Tally(int approve, int object, int abstain, int recused, int eligible, Integer delegated) {

    public Tally {
        // tallies recorded before delegations existed have none
        delegated = delegated == null ? 0 : delegated;
    }

    /** A tally without delegated votes. */
    public Tally(int approve, int object, int abstain, int recused, int eligible) {
        this(approve, object, abstain, recused, eligible, 0);
    }
}
