package org.accord.api.proposal;

public enum ProposalKind { NEW_STANDARD, AMEND_STANDARD, RETIRE_STANDARD }
