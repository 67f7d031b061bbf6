package org.accord.api.notification;

/**
 * What a notification asks of its person. ATTESTATION_DUE and REVIEW_DUE come from events Accord records itself when
 * a date comes (AttestationFellDueEvent, StandardReviewFellDueEvent; see docs/decisions.md, "Attestations and
 * reviews falling due").
 */
public enum NotificationKind {
    /** Voting opened on a proposal of a team the person votes in. */
    VOTE_OPENED,
    /** Voting closes within 48 hours and the person has not voted, recused or delegated. */
    VOTE_CLOSING_SOON,
    /** A school requested an exception from a required standard; the person may approve or decline it. */
    EXCEPTION_AWAITING_APPROVAL,
    /** A school's request for standardisation was routed to the person's team (or to the executive). */
    REQUEST_ROUTED,
    /** The person's school owes this period's attestation of a standard; the person is its headteacher. */
    ATTESTATION_DUE,
    /** A standard the person may reaffirm (an executive, or its cluster's lead) is due for review. */
    REVIEW_DUE
}
