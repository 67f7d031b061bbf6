package org.accord.api.proposal;

/** What adopting a proposal would ask of one school. */
public enum SchoolImpactEffect {
    /** A REQUIRED standard now applies to it, and it has no exception: it must comply. */
    MUST_COMPLY,
    /** An ADAPTABLE standard now applies to it, and it has no implementation: it must record one. */
    MUST_RECORD_IMPLEMENTATION,
    /** It has a variation against the version amended: it must re-justify it against the new version. */
    MUST_REJUSTIFY,
    /** A GUIDANCE standard applies to it: shared good practice, nothing to record. */
    MAY_FOLLOW,
    /** An amendment's applicability no longer covers it: the standard stops being a rule for it. */
    NO_LONGER_APPLIES,
    /** A retirement: the standard ends for it. */
    STANDARD_ENDS
}
