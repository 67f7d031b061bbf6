package org.accord.api.trust;

/** A person's role in a trust. HEADTEACHER and STAFF belong to one school of the trust. */
public enum PersonRole {
    TRUST_EXECUTIVE, BOARD_MEMBER, HEADTEACHER, STAFF;

    public boolean isSchoolRole() {
        return this == HEADTEACHER || this == STAFF;
    }
}
