package org.accord.api.proposal;

/** Where a delegation stands (see DelegatedVotes for how each counts). */
public enum DelegationStatus {
    /** Counts: the delegate's vote, once cast, is counted for the delegator. */
    IN_FORCE,
    /** The delegator voted themselves: their own vote counts, not the delegate's. */
    OVERRIDDEN,
    /** The delegator recused: they are not counted at all. */
    DELEGATOR_RECUSED,
    /** The delegate recused: no vote is cast for the delegator through them. */
    DELEGATE_RECUSED,
    /** Taken back by the delegator. */
    REVOKED,
    /** A period delegation whose delegator or delegate left the team: it reaches no further proposal. */
    ENDED
}
