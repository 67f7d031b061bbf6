package org.accord.app.shared;

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

    CatchUpBeforeReady(ProjectionCatchUp catchUp) {
        this.catchUp = catchUp;
    }

    @Override
    public void run(ApplicationArguments args) {
        catchUp.awaitLatest();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
