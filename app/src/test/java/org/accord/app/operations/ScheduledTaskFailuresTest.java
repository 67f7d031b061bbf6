package org.accord.app.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

@ExtendWith(OutputCaptureExtension.class)
class ScheduledTaskFailuresTest {

    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    static class Scheduling {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
            .withUserConfiguration(Scheduling.class, SchedulingConfiguration.class);

    @Test
    void aTaskThatFailsWhileAccordRunsIsAnErrorAndOneCutShortByTheShutdownIsOneLineOfInformation(
            CapturedOutput output) {
        context.run(app -> {
            TaskScheduler scheduler = app.getBean(TaskScheduler.class);
            scheduler.schedule(() -> {
                throw new IllegalStateException("the read models could not be read");
            }, Instant.now());
            awaitLogged(output, "the read models could not");
            assertThat(output.getOut()).contains("ERROR").contains("Unexpected error occurred in scheduled task")
                    .contains("java.lang.IllegalStateException: the read models could not be read")
                    .doesNotContain("A scheduled task stopped as Accord shuts down");

            app.publishEvent(new ContextClosedEvent(app));
            scheduler.schedule(() -> {
                throw new IllegalStateException("no handler for the query: the buses have stopped");
            }, Instant.now());
            awaitLogged(output, "the buses have stopped");
            String shutdownLine = output.getOut().lines().filter(line -> line.contains("the buses have stopped"))
                    .findFirst().orElseThrow();
            assertThat(shutdownLine).contains("INFO").contains("A scheduled task stopped as Accord shuts down")
                    .contains("the next start records what it had not");
            assertThat(output.getOut().lines().filter(line -> line.contains("the buses have stopped"))).hasSize(1);
        });
    }

    private static void awaitLogged(CapturedOutput output, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!output.getOut().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(output.getOut()).as("logged within 10 s").contains(text);
    }
}
