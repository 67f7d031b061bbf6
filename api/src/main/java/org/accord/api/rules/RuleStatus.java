package org.accord.api.rules;

/**
 * How a school stands against a standard version in force. ALIGNED: it does what the backbone says (REQUIRED without
 * an exception, or GUIDANCE). IMPLEMENTED: an ADAPTABLE standard with the school's implementation recorded.
 * EXCEPTION: a REQUIRED standard with an approved exception. NEEDS_REJUSTIFICATION: the school's variation was made
 * against an earlier version (or the standard's alignment changed). IMPLEMENTATION_MISSING: an ADAPTABLE standard
 * without an implementation in force.
 */
public enum RuleStatus { ALIGNED, IMPLEMENTED, EXCEPTION, NEEDS_REJUSTIFICATION, IMPLEMENTATION_MISSING }
