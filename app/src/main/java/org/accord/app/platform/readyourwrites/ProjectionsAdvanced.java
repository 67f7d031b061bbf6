package org.accord.app.platform.readyourwrites;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.EventTrackerStatusChangeListener;
import org.springframework.stereotype.Component;

/**
 * Wakes the mutations waiting for read-your-writes when a projection here moves, instead of each waiter looking every
 * millisecond: with 32 clients voting, the looking (a park and a wake-up per waiter per millisecond, and each time
 * every processor's status copied) was 8% of the request threads' CPU (docs/benchmarks.md, session 33).
 * <p>
 * Axon's tracking processors report each change of a segment's status, its position included, to this listener once
 * they have processed the batch that moved it (its unit of work committed). Pooled processors (production) report none: where this listener is not
 * installed, a waiter looks again every millisecond, as before.
 */
@Component
public class ProjectionsAdvanced implements EventTrackerStatusChangeListener {

    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();
    /**
     * The longest a waiter sleeps for want of a report: what moves without a status change (a rebuild that ends its
     * restart, the tokens other nodes store) is seen this late at most.
     */
    private static final Duration FALLBACK = Duration.ofMillis(10);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final long fallbackNanos;
    /** Written under the lock, read without it. */
    private volatile long changes;
    private volatile boolean installed;

    public ProjectionsAdvanced() {
        this(FALLBACK);
    }

    ProjectionsAdvanced(Duration fallback) {
        this.fallbackNanos = fallback.toNanos();
    }

    /** This listener, as a tracking processor's configuration takes it: from now on its reports are awaited. */
    public EventTrackerStatusChangeListener installed() {
        installed = true;
        return this;
    }

    @Override
    public boolean validatePositions() {
        return true;
    }

    @Override
    public void onEventTrackerStatusChange(Map<Integer, EventTrackerStatus> updatedTrackerStatus) {
        lock.lock();
        try {
            changes++;
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How many changes were reported so far: a waiter reads it before it looks, and waits for it to grow. */
    long changes() {
        return changes;
    }

    /**
     * Returns once a change is reported after {@code seen} was read, or the fallback time has passed; at once for an
     * interrupted thread (its flag kept), as the millisecond's park did.
     */
    void awaitChangeAfter(long seen) {
        if (!installed) {
            LockSupport.parkNanos(POLL_NANOS);
            return;
        }
        lock.lock();
        try {
            long left = fallbackNanos;
            while (changes == seen && left > 0) {
                left = moved.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}
