package org.accord.app.platform.readyourwrites;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ProjectionsAdvancedTest {

    /** Far longer than any test waits: a waiter that returns did so because it was woken. */
    private static final Duration NEVER = Duration.ofHours(1);

    @Test
    void aWaiterIsWokenByTheProcessorsReportNotByItsFallback() throws Exception {
        ProjectionsAdvanced advanced = new ProjectionsAdvanced(NEVER);
        advanced.installed();
        long seen = advanced.changes();
        CountDownLatch returned = new CountDownLatch(1);
        CountDownLatch waiting = new CountDownLatch(1);
        Thread waiter = new Thread(() -> {
            waiting.countDown();
            advanced.awaitChangeAfter(seen);
            returned.countDown();
        });
        waiter.start();
        waiting.await();

        assertThat(returned.await(200, TimeUnit.MILLISECONDS)).as("nothing reported yet").isFalse();
        advanced.onEventTrackerStatusChange(Map.of());
        assertThat(returned.await(30, TimeUnit.SECONDS)).as("woken by the report").isTrue();
        waiter.join();
    }

    @Test
    void aReportBetweenTheLookAndTheWaitEndsTheWaitAtOnce() {
        ProjectionsAdvanced advanced = new ProjectionsAdvanced(NEVER);
        advanced.installed();
        long seen = advanced.changes();
        advanced.onEventTrackerStatusChange(Map.of());

        advanced.awaitChangeAfter(seen); // would block for an hour if the report were missed

        assertThat(advanced.changes()).isEqualTo(seen + 1);
    }

    @Test
    void withoutTheListenerInstalledAWaiterLooksAgainAfterAMillisecondAsBefore() {
        // pooled processors (production) report nothing: the wait must not depend on reports there
        ProjectionsAdvanced advanced = new ProjectionsAdvanced(NEVER);

        advanced.awaitChangeAfter(advanced.changes()); // returns after the poll, with nothing reported

        assertThat(advanced.changes()).isZero();
    }

    @Test
    void theProcessorIsAskedToReportPositionsNotOnlyItsStateChanges() {
        assertThat(new ProjectionsAdvanced().validatePositions()).isTrue();
    }
}
