package org.accord.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.app.support.AccordHttpTest;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Axon's time limits as Accord runs them: none per handler call, whose check took the calling thread's whole stack
 * trace at every call (a sixth of a rebuild's projection thread, docs/benchmarks.md run 23), and Axon's own for each
 * unit of work: a command, a query, a batch of events.
 */
class AxonTimeLimitsTest extends AccordHttpTest {

    @Autowired
    TimeoutProperties timeouts;

    @Test
    void noHandlerCallOfAnyKindIsTimedOnItsOwn() {
        TimeoutProperties.MessageHandlerTimeoutProperties handlers = timeouts.getHandler();
        for (TaskTimeoutSettings kind : new TaskTimeoutSettings[] {handlers.getEvents(), handlers.getCommands(),
                handlers.getQueries(), handlers.getDeadlines()}) {
            // HandlerTimeoutHandlerEnhancerDefinition leaves a handler unwrapped only when both are negative
            assertThat(kind.getTimeoutMs()).isNegative();
            assertThat(kind.getWarningThresholdMs()).isNegative();
        }
    }

    @Test
    void eachUnitOfWorkKeepsAxonsTimeLimit() {
        assertThat(timeouts.isEnabled()).isTrue();
        assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isPositive();
        assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isPositive();
    }
}
