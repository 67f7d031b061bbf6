package org.accord.app.operations;

import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler that runs Accord's looks at the calendar (deadlines, reminders, what fell due) is Spring Boot's own; its
 * failures are logged by {@link ScheduledTaskFailures}.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    @Bean
    ScheduledTaskFailures scheduledTaskFailures() {
        return new ScheduledTaskFailures();
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer scheduledTaskFailuresLogged(ScheduledTaskFailures failures) {
        return scheduler -> scheduler.setErrorHandler(failures);
    }
}
