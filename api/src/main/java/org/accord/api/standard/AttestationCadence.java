package org.accord.api.standard;

/**
 * How often each school the standard applies to confirms that it meets it. NONE: never (guidance, or a standard the
 * trust checks otherwise); it is also what every version adopted before cadences existed carries, so the old log
 * reads as it always did. TERMLY: once in each school term (autumn from 1 September, spring from 1 January, summer
 * from 15 April). YEARLY: once in each academic year (from 1 September).
 */
public enum AttestationCadence {
    NONE, TERMLY, YEARLY;

    /** Absent (null, on events recorded before cadences existed) is NONE. */
    public static AttestationCadence of(AttestationCadence maybe) {
        return maybe == null ? NONE : maybe;
    }
}
