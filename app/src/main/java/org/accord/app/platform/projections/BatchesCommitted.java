package org.accord.app.platform.projections;

/**
 * Whether the projections' batches up to an event are committed, beyond being processed: a runtime may commit a batch
 * after its processor has moved on (the embedded replay's writes behind), and read-your-writes must not count such a
 * batch before its documents can be read.
 */
@FunctionalInterface
public interface BatchesCommitted {

    /** Every batch is committed once processed. */
    BatchesCommitted ALWAYS = position -> true;

    /** Whether every batch processed up to this event's position is committed. */
    boolean through(long position);
}
