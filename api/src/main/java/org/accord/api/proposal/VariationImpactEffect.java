package org.accord.api.proposal;

/** What adopting a proposal would do to one existing (open) variation of the standard it amends or retires. */
public enum VariationImpactEffect {
    /** Pinned to the version amended: shows as NEEDS_REJUSTIFICATION until the school re-affirms it. */
    NEEDS_REJUSTIFICATION,
    /** The standard is retired: the variation ends (expires) on the retirement date. */
    ENDS,
    /** The amended standard no longer applies to the school, or becomes GUIDANCE: no variation is needed. */
    NO_LONGER_NEEDED
}
