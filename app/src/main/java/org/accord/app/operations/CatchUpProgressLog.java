package org.accord.app.operations;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * While the projections catch up at start (after a crash, or rebuilding every read model when a data folder is
 * upgraded), says every 10 s how far each one is and how far it has to go: a replay of a large store takes minutes,
 * and a start-up that says nothing meanwhile looks hung.
 */
@Component
class CatchUpProgressLog implements ApplicationRunner, Ordered, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatchUpProgressLog.class);

    private final ProcessorPositions positions;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "catch-up-progress");
        thread.setDaemon(true);
        return thread;
    });

    CatchUpProgressLog(ProcessorPositions positions) {
        this.positions = positions;
    }

    @Override
    public void run(ApplicationArguments args) {
        long target = positions.head();
        timer.scheduleAtFixedRate(() -> report(target), 10, 10, TimeUnit.SECONDS);
    }

    private void report(long target) {
        try {
            long behind = 0;
            StringBuilder each = new StringBuilder();
            for (ProcessorPositions.Position p : positions.all()) {
                long at = p.position() == null ? -1 : p.position();
                behind = Math.max(behind, target - at);
                each.append(each.isEmpty() ? "" : ", ").append(p.processor()).append(' ').append(Math.max(at, 0));
            }
            if (behind <= 0) {
                timer.shutdown();
                return;
            }
            log.info("Projections catching up with event {}: {}", target, each);
        } catch (RuntimeException e) {
            log.debug("catch-up progress not available", e);
        }
    }

    /** Before the wait for the projections (CatchUpBeforeReady runs last), so the first word comes during it. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
