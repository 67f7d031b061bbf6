package org.accord.api.request;

/** Where a school's request for standardisation stands: open for support, taken up into a proposal, declined, or adopted as a standard. */
public enum RequestStatus {
    OPEN, TAKEN_UP, DECLINED, BECAME_STANDARD
}
