package org.accord.api.peerreview;

/** Where an agreed action stands at a follow-up. */
public enum ActionProgress {
    NOT_STARTED, IN_PROGRESS, COMPLETED;

    public boolean isDone() {
        return this == COMPLETED;
    }
}
