package org.accord.app.platform.failures;

/**
 * A request Accord could not serve for a reason that is not the client's doing and passes (the event store not
 * reachable, its disk full, the read models not caught up in time). The message says what happened and what to do;
 * clients see it classified {@code UNAVAILABLE}.
 */
public class Unavailable extends RuntimeException {

    public Unavailable(String message) {
        super(message);
    }
}
