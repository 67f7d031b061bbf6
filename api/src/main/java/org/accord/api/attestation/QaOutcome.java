package org.accord.api.attestation;

/** What a trust quality-assurance visit found of a school's attestation. */
public enum QaOutcome { CONFIRMED, CHALLENGED }
