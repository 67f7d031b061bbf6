package org.accord.query.runtime.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RowsAheadTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopTheHelper() {
        helper.shutdownNow();
    }

    @Test
    void eachChunkComesBackInItsItemsOrderAndIsEncodedOnceWhoeverEncodesIt() {
        Map<Integer, AtomicInteger> encodings = new ConcurrentHashMap<>();
        List<RowsAhead.Chunk<Integer>> chunks = chunks(40, 100, item -> {
            encodings.computeIfAbsent(item, i -> new AtomicInteger()).incrementAndGet();
            return new Object[] {"row " + item};
        });

        RowsAhead<Integer> ahead = new RowsAhead<>(chunks, helper);

        List<Object> written = new ArrayList<>();
        chunks.forEach(chunk -> {
            for (Object[] row : ahead.rows(chunk)) {
                written.add(row[0]);
            }
        });
        assertThat(written).containsExactlyElementsOf(IntStream.range(0, 4_000).mapToObj(i -> "row " + i).toList());
        assertThat(encodings).hasSize(4_000).allSatisfy((item, times) -> assertThat(times.get()).isOne());
    }

    @Test
    void aHelperThatNeverRunsLeavesTheWriterToEncodeEverythingItself() {
        List<Runnable> neverRun = new ArrayList<>();
        List<RowsAhead.Chunk<Integer>> chunks = chunks(3, 5, item -> new Object[] {item * 2});

        RowsAhead<Integer> ahead = new RowsAhead<>(chunks, neverRun::add);

        assertThat(ahead.rows(chunks.get(2))).isDeepEqualTo(new Object[][] {{20}, {22}, {24}, {26}, {28}});
        assertThat(neverRun).hasSize(1);
    }

    @Test
    void whileTheHelperEncodesTheChunkAskedForTheWriterEncodesTheOthersFromTheLast() throws Exception {
        CountDownLatch helperBusy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Map<Integer, String> encodedBy = new ConcurrentHashMap<>();
        List<RowsAhead.Chunk<Integer>> chunks = chunks(4, 1, item -> {
            encodedBy.put(item, Thread.currentThread().getName());
            if (item == 0) {
                helperBusy.countDown();
                await(release);
            }
            return new Object[] {item};
        });
        RowsAhead<Integer> ahead = new RowsAhead<>(chunks, helper);
        assertThat(helperBusy.await(10, TimeUnit.SECONDS)).isTrue();
        String writer = Thread.currentThread().getName();
        Thread releaser = new Thread(() -> {
            // lets the helper finish only once the writer has done all it could meanwhile
            while (encodedBy.size() < 4) {
                Thread.onSpinWait();
            }
            release.countDown();
        });
        releaser.start();

        Object[][] first = ahead.rows(chunks.get(0));

        releaser.join(10_000);
        assertThat(first).isDeepEqualTo(new Object[][] {{0}});
        assertThat(encodedBy).containsEntry(1, writer).containsEntry(2, writer).containsEntry(3, writer);
        assertThat(encodedBy.get(0)).isNotEqualTo(writer);
    }

    @Test
    void aRowThatCannotBeEncodedFailsTheWriteWithItsOwnErrorOnEitherThread() {
        Function<Integer, Object[]> failing = item -> {
            if (item % 3 == 2) {
                throw new IllegalStateException("no row for item " + item);
            }
            return new Object[] {item};
        };
        List<RowsAhead.Chunk<Integer>> byTheWriter = chunks(1, 3, failing);
        List<RowsAhead.Chunk<Integer>> byTheHelper = chunks(1, 3, failing);
        RowsAhead<Integer> alone = new RowsAhead<>(byTheWriter, null);
        RowsAhead<Integer> helped = new RowsAhead<>(byTheHelper, Runnable::run); // the helper runs before the writer

        assertThatThrownBy(() -> alone.rows(byTheWriter.get(0)))
                .isInstanceOf(IllegalStateException.class).hasMessage("no row for item 2");
        assertThatThrownBy(() -> helped.rows(byTheHelper.get(0)))
                .isInstanceOf(IllegalStateException.class).hasMessage("no row for item 2");
    }

    /** {@code count} chunks of {@code size} items each, numbered from 0 across them. */
    private static List<RowsAhead.Chunk<Integer>> chunks(int count, int size, Function<Integer, Object[]> encoding) {
        List<RowsAhead.Chunk<Integer>> chunks = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            chunks.add(new RowsAhead.Chunk<>(IntStream.range(c * size, (c + 1) * size).boxed().toList(), encoding));
        }
        return chunks;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
