package org.accord.app.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.util.ErrorHandler;

/**
 * How the failure of a scheduled task is logged: as Spring logs it (an ERROR with its stack) while Accord runs, and
 * as one line of information once Accord has begun to shut down.
 * <p>
 * Why: a look that is under way when the shutdown begins (the look at start for what fell due takes some seconds on a
 * large store) fails as soon as the query and command buses it goes through have stopped. That is no fault, and
 * nothing is lost: each look reads what is owed from the read models, so what it had not recorded yet the next start
 * records, and the aggregates refuse a second record of what it had.
 */
class ScheduledTaskFailures implements ErrorHandler, ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskFailures.class);

    private volatile boolean closing;

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        closing = true;
    }

    @Override
    public void handleError(Throwable failure) {
        if (closing) {
            log.info("A scheduled task stopped as Accord shuts down ({}); the next start records what it had not",
                    failure.toString());
        } else {
            log.error("Unexpected error occurred in scheduled task", failure);
        }
    }
}
