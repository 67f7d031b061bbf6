package org.accord.app.platform.readyourwrites;

import org.springframework.boot.SpringApplication;

/**
 * Accord was stopped (SIGTERM, Ctrl-C) while its start waited for the projections to catch up: an upgrade rebuilding
 * the read models, say. Not a failed start: nothing is lost, and the next start goes on from where the projections
 * were. Abandons the run the way Spring means it (no "Application run failed", no ready event for a context that is
 * closing), and the launcher ends quietly.
 */
public class StoppedWhileCatchingUp extends SpringApplication.AbandonedRunException {

    private final String message;

    StoppedWhileCatchingUp(String message) {
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
