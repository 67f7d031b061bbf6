package org.accord.api.review;

/** What a review of a standard decided. */
public enum ReviewOutcome { REAFFIRMED, AMENDMENT_PROPOSED, RETIREMENT_PROPOSED }
