package org.accord.api.proposal;

/** DRAFT → VOTING → RATIFIED / REJECTED / LAPSED, or WITHDRAWN before an outcome; a ratified one is then adopted. */
public enum ProposalStatus {
    DRAFT, VOTING, RATIFIED, REJECTED, LAPSED, WITHDRAWN, ADOPTED, DECLINED;

    public boolean isDecided() {
        return this != DRAFT && this != VOTING;
    }
}
