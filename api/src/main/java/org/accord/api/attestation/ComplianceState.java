package org.accord.api.attestation;

/**
 * How a school stands against a standard's attestation on a date. ATTESTED: attested in the current period (and not
 * challenged since). DUE: not yet attested in the current period, and the previous one was attested or not owed.
 * OVERDUE: the previous period ended without an attestation and none has been made in this one. CHALLENGED: the
 * attestation that counts was challenged by a QA visit and no later visit confirmed it. EXCEPTION_IN_FORCE: the school
 * has an approved exception from the standard. NOT_REQUIRED: the version in force asks for no attestation (cadence
 * NONE). NOT_APPLICABLE: the standard is in force but does not apply to the school.
 */
public enum ComplianceState { ATTESTED, DUE, OVERDUE, CHALLENGED, EXCEPTION_IN_FORCE, NOT_REQUIRED, NOT_APPLICABLE }
