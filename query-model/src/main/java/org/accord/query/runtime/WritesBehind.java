package org.accord.query.runtime;

/**
 * A batch of events whose writes are deferred: the runtime opened no transaction on this thread for it yet, and will
 * run what the batch writes, with its token, in one transaction on a thread of its own once the batch commits, while
 * this thread goes on to handle the next batch (the embedded runtime's replay; docs/decisions.md, "Writes behind").
 * <p>
 * A read-model store in such a batch reads what is committed, through what the batch before it left to be written,
 * and hands its writes over as the batch prepares to commit. Anything that needs the batch's transaction on this
 * thread (a query by anything but id, which reads the batch's own writes from the table; a reset) asks for it with
 * {@link Batch#now()}: from then on the batch runs as any other, its commit on this thread.
 */
public final class WritesBehind {

    private static final ThreadLocal<Batch> CURRENT = new ThreadLocal<>();

    private WritesBehind() {
    }

    /** The deferred batch this thread handles, or null: no batch, or one whose transaction is open here. */
    public static Batch current() {
        return CURRENT.get();
    }

    /** Binds the batch to this thread until {@link #unbind()}; the runtime's transaction manager calls these. */
    public static void bind(Batch batch) {
        CURRENT.set(batch);
    }

    public static void unbind() {
        CURRENT.remove();
    }

    /** The batch's transaction, as a store sees it while it is deferred. */
    public interface Batch {

        /**
         * Work to run in the batch's transaction when it commits, in the order added (or when {@link #now()} opens
         * it, for the work added before).
         *
         * @param afterCompletion runs once the transaction has committed or rolled back, or the batch was given up
         *                        before its work ran: whichever thread that happens on
         */
        void add(Runnable work, Runnable afterCompletion);

        /**
         * Opens the batch's transaction on this thread now (after the batch before it has committed), and runs the
         * work added so far in it; the batch is no longer deferred.
         */
        void now();
    }
}
