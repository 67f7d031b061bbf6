package org.accord.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.accord.app.support.AccordHttpTest;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.TimeoutProperties;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Axon's time limits are off: each, per handler call and per unit of work, took the calling thread's whole stack
 * trace as it started (a sixth of a rebuild's projection thread, a fifth of castVote's CPU: docs/benchmarks.md run
 * 23). Their auto-configuration is what registers every one of them, on the buses, the processors and the handlers.
 */
class AxonTimeLimitsTest extends AccordHttpTest {

    @Autowired
    ApplicationContext context;

    @Test
    void noCommandQueryOrEventIsHandledUnderAnAxonTimeLimit() {
        assertThat(context.getBeanNamesForType(AxonTimeoutAutoConfiguration.class)).isEmpty();
        assertThat(context.getBeanNamesForType(TimeoutProperties.class)).isEmpty();
        assertThat(context.getBeanNamesForType(HandlerTimeoutHandlerEnhancerDefinition.class)).isEmpty();
    }
}
