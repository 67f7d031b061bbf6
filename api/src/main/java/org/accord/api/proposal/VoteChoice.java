package org.accord.api.proposal;

public enum VoteChoice { APPROVE, OBJECT, ABSTAIN }
