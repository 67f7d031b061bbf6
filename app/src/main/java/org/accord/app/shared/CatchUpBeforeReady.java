package org.accord.app.shared;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * After a crash the projections replay the events their tokens had not covered yet. The application reports itself
 * ready (and {@code /actuator/health} says UP) only once they have, so the first query after a restart already
 * sees everything that was acknowledged before it.
 */
@Component
class CatchUpBeforeReady implements ApplicationRunner, Ordered {

    private final ProjectionCatchUp catchUp;
    private final Duration timeout;

    CatchUpBeforeReady(ProjectionCatchUp catchUp,
                       @Value("${accord.startup-catch-up-timeout:10m}") Duration timeout) {
        this.catchUp = catchUp;
        this.timeout = timeout;
    }

    /** A replay can take a while (a rebuild from nothing); not being ready is better than answering stale. */
    @Override
    public void run(ApplicationArguments args) {
        if (!catchUp.awaitLatest(timeout)) {
            throw new IllegalStateException("the projections did not catch up with the events within " + timeout);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
