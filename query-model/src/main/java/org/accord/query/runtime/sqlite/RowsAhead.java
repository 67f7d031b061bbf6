package org.accord.query.runtime.sqlite;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A batch's rows, in chunks, encoded on a second core ahead of the thread that writes them: while it writes one
 * chunk, the next ones are being encoded.
 * <p>
 * Why: the writer used to encode all of a batch's rows (on both cores), then write them (on one), so that during the
 * writes the second core had no encoding left to do; and the writer is the slowest stage of a rebuild, which the
 * projections wait for (docs/benchmarks.md, session 40).
 * <p>
 * Each chunk is encoded once, by whichever thread claims it first: the helper goes through the chunks from the first;
 * the writer, reaching a chunk nobody has begun, encodes it itself; reaching one the helper is still encoding, it
 * encodes chunks nobody has begun from the last one back, and waits only when there is none. So the writer never
 * waits for work nobody does: with the helper late or busy, it does alone what it would have done without one.
 */
final class RowsAhead<T> {

    /** Rows per chunk: small enough that the writer soon has a chunk to write, large enough for a JDBC batch. */
    static final int CHUNK = 256;

    private final List<Chunk<T>> chunks;

    /** The chunks, in the order they are written; unless there is no {@code helper}, it encodes them from the first. */
    RowsAhead(List<Chunk<T>> chunks, Executor helper) {
        this.chunks = List.copyOf(chunks);
        if (helper != null) {
            helper.execute(() -> this.chunks.forEach(Chunk::encodeUnlessClaimed));
        }
    }

    /** The chunk's rows, each item's in the items' order (the chunk is one of these). */
    Object[][] rows(Chunk<T> chunk) {
        for (int last = chunks.size() - 1; chunk.claimed.get() && !chunk.rows.isDone() && last >= 0; last--) {
            chunks.get(last).encodeUnlessClaimed(); // the helper has begun it: something else meanwhile
        }
        chunk.encodeUnlessClaimed();
        try {
            return chunk.rows.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Some rows of one table, and how each is encoded. */
    static final class Chunk<T> {

        private final List<T> items;
        private final Function<T, Object[]> encoding;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CompletableFuture<Object[][]> rows = new CompletableFuture<>();

        Chunk(List<T> items, Function<T, Object[]> encoding) {
            this.items = items;
            this.encoding = encoding;
        }

        List<T> items() {
            return items;
        }

        private void encodeUnlessClaimed() {
            if (!claimed.compareAndSet(false, true)) {
                return;
            }
            try {
                Object[][] encoded = new Object[items.size()][];
                for (int i = 0; i < encoded.length; i++) {
                    encoded[i] = encoding.apply(items.get(i));
                }
                rows.complete(encoded);
            } catch (RuntimeException | Error e) {
                rows.completeExceptionally(e);
            }
        }
    }
}
