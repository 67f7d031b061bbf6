package org.accord.api.variation;

public enum VariationStatus {
    REQUESTED, RECORDED, APPROVED, DECLINED, EXPIRED, REVOKED, WITHDRAWN;

    /** Recorded implementations and approved exceptions are in force; requested ones are waiting. */
    public boolean isInForce() {
        return this == RECORDED || this == APPROVED;
    }

    public boolean isOpen() {
        return this == REQUESTED || isInForce();
    }
}
