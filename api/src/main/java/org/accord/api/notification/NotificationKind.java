package org.accord.api.notification;

/**
 * What a notification asks of its person. The first four are produced from today's events; ATTESTATION_DUE and
 * REVIEW_DUE are reserved for the attestation and standard-review features (issue 20, items 1 and 4): their events
 * add a projection handler that calls the inbox's {@code deliver} (see docs/decisions.md, "Notifications").
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
    /** Reserved: an attestation of the person's school falls due. */
    ATTESTATION_DUE,
    /** Reserved: a standard the person's team looks after is due for review. */
    REVIEW_DUE
}
