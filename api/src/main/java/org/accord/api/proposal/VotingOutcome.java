package org.accord.api.proposal;

/** RATIFIED: the rule was met. REJECTED: it was not. LAPSED: too few took part (no quorum) or nobody could vote. */
public enum VotingOutcome { RATIFIED, REJECTED, LAPSED }
