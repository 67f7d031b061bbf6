package org.accord.api.team;

/** MAJORITY: the approval threshold decides. CONSENT: any standing objection blocks. */
public enum DecisionMode { MAJORITY, CONSENT }
