package org.accord.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.query.runtime.sqlite.SqliteReadModelStore;
import org.accord.query.shared.Lookup;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A replay's batches written behind the processor ({@link ProjectionWritesBehind}), on the read-model file as the
 * embedded runtime opens it: the writer's thread is held at the start of each batch's transaction where a case needs
 * a batch behind that is not yet committed.
 */
class ProjectionWritesBehindTest {

    @Lookup(by = "group", sortedBy = "rank")
    @org.springframework.data.mongodb.core.mapping.Document("writes_behind_samples")
    record Sample(@Id String id, String name, String group, Long rank) {
    }

    private static final int LARGE = ProjectionWritesBehind.BEHIND_FROM;

    @TempDir
    Path folder;

    private ReadModelDatabase file;
    private SqliteReadModelStore store;
    private ProjectionWritesBehind behind;
    private TokenStore tokens;
    private final AtomicInteger wakes = new AtomicInteger();
    private volatile CountDownLatch writerMayBegin = new CountDownLatch(0);
    private final AtomicBoolean nextWriteFails = new AtomicBoolean();
    private long position;

    @BeforeEach
    void open() {
        file = ReadModelDatabase.open(folder, "NORMAL");
        store = new SqliteReadModelStore(file.dataSource(),
                SqliteReadModelStore.documentConverter(new MongoCustomConversions(List.of())));
        TransactionManager transactions = new SingleWriterTransactionManager(
                new SpringTransactionManager(file.transactions()));
        TransactionManager held = () -> {
            if (Thread.currentThread().getName().equals("accord-projection-writer")) {
                await(writerMayBegin);
                if (nextWriteFails.getAndSet(false)) {
                    throw new IllegalStateException("the disk is full");
                }
            }
            return transactions.startTransaction();
        };
        behind = new ProjectionWritesBehind(held, file.dataSource(), wakes::incrementAndGet);
        tokens = behind.tokenStore(new InMemoryTokenStore());
        tokens.initializeTokenSegments("read-models", 1);
    }

    @AfterEach
    void close() {
        writerMayBegin.countDown();
        behind.close();
        file.close();
    }

    @Test
    void aLargeBatchIsCommittedBehindTheProcessorWhichReadsItsDocumentsInTheNextBatchMeanwhile() {
        writerMayBegin = new CountDownLatch(1);
        long first = batch(LARGE, () -> store.upsert(Sample.class, "a", Update.update("name", "one")));

        assertThat(store.findById(Sample.class, "a")).as("not yet committed").isNull();
        assertThat(behind.through(first)).as("read-your-writes waits for the commit").isFalse();

        long second = batch(LARGE, () -> {
            assertThat(store.findById(Sample.class, "a").name()).isEqualTo("one");
            writerMayBegin.countDown();
            store.upsert(Sample.class, "a", Update.update("name", "one, then two"));
        });
        drain();

        assertThat(store.findById(Sample.class, "a").name()).isEqualTo("one, then two");
        assertThat(behind.through(second)).isTrue();
        assertThat(tokens.fetchToken("read-models", 0)).isEqualTo(new GlobalSequenceTrackingToken(second));
        assertThat(wakes).as("read-your-writes woken at each commit").hasValueGreaterThanOrEqualTo(2);
    }

    @Test
    void aDocumentTheBatchBehindDeletedIsGoneForTheNextBatchBeforeTheDeleteIsCommitted() {
        batch(1, () -> store.upsert(Sample.class, "a", Update.update("name", "one")));
        writerMayBegin = new CountDownLatch(1);
        batch(LARGE, () -> store.delete(Sample.class, "a"));

        batch(LARGE, () -> {
            assertThat(store.findById(Sample.class, "a")).isNull();
            writerMayBegin.countDown();
        });
        drain();

        assertThat(store.findById(Sample.class, "a")).isNull();
    }

    @Test
    void aTableTheBatchBehindMadeIsReadFromTheFileOnceCommittedThoughTheNextBatchFoundItMissingBefore() {
        writerMayBegin = new CountDownLatch(1);
        batch(LARGE, () -> store.upsert(Sample.class, "a", Update.update("name", "one")));
        int woken = wakes.get();

        List<Sample> read = new ArrayList<>();
        batch(LARGE, () -> {
            assertThat(store.findById(Sample.class, "elsewhere")).as("the table is not made yet").isNull();
            writerMayBegin.countDown();
            awaitWakeAfter(woken);
            read.add(store.findById(Sample.class, "a"));
        });

        assertThat(read).singleElement().as("read from the table the batch behind made and committed")
                .isNotNull().extracting(Sample::name).isEqualTo("one");
    }

    @Test
    void aSmallBatchIsCommittedWhenItsCommitReturnsAsALiveMutationNeeds() {
        long live = batch(1, () -> store.upsert(Sample.class, "a", Update.update("name", "one")));

        assertThat(store.findById(Sample.class, "a").name()).isEqualTo("one");
        assertThat(behind.through(live)).isTrue();
    }

    @Test
    void aBatchBehindThatFailsFailsTheNextBatchSoThatBothAreHandledAgainAndTheOneAfterGoesOn() {
        nextWriteFails.set(true);
        long lost = batch(LARGE, () -> store.upsert(Sample.class, "a", Update.update("name", "one")));

        assertThatThrownBy(() -> batch(LARGE, () -> store.upsert(Sample.class, "b", Update.update("name", "two"))))
                .hasMessageContaining("the disk is full");
        assertThat(store.findById(Sample.class, "a")).isNull();
        assertThat(store.findById(Sample.class, "b")).isNull();
        assertThat(tokens.fetchToken("read-models", 0)).as("no token of either: both are handled again").isNull();
        assertThat(behind.through(lost)).isFalse();

        long again = batch(LARGE, () -> store.upsert(Sample.class, "a", Update.update("name", "one again")));
        drain();
        assertThat(store.findById(Sample.class, "a").name()).isEqualTo("one again");
        assertThat(behind.through(again)).isTrue();
    }

    @Test
    void aQueryByAnythingButIdInADeferredBatchReadsTheBatchBehindAndItsOwnWritesFromTheTable() {
        batch(LARGE, () -> store.upsert(Sample.class, "a", Update.update("group", "g").set("rank", 1L)));

        List<String> found = new ArrayList<>();
        batch(LARGE, () -> {
            store.upsert(Sample.class, "b", Update.update("group", "g").set("rank", 2L));
            store.findPage(Sample.class, Map.of("group", "g"), "rank", Long.MIN_VALUE, 10)
                    .forEach(sample -> found.add(sample.id()));
        });

        assertThat(found).containsExactly("a", "b");
        assertThat(store.findById(Sample.class, "b")).isNotNull();
    }

    @Test
    void everyOtherTransactionOnTheFileBeginsAfterTheBatchBehindIsCommitted() throws Exception {
        writerMayBegin = new CountDownLatch(1);
        batch(LARGE, () -> store.upsert(Sample.class, "a", Update.update("name", "one")));

        CompletableFuture<String> seen = CompletableFuture.supplyAsync(() -> {
            Transaction transaction = behind.transactions().startTransaction();
            try {
                Sample sample = store.findById(Sample.class, "a");
                return sample == null ? null : sample.name();
            } finally {
                transaction.commit();
            }
        });
        assertThat(seen).as("waiting for the batch behind").isNotCompleted();
        Thread.sleep(200);
        assertThat(seen).as("still waiting for the batch behind").isNotCompleted();

        writerMayBegin.countDown();
        assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("one");
    }

    /**
     * A processor's batch of {@code size} events as Axon's tracking processor runs one: its token stored at the first
     * event, the work done there too, then the commit; the token's position is returned.
     */
    private long batch(int size, Runnable work) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            events.add(GenericEventMessage.asEventMessage("event " + i));
        }
        long token = position += size;
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(events);
        unitOfWork.attachTransaction(behind.batches());
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            if (((BatchingUnitOfWork<?>) CurrentUnitOfWork.get()).isFirstMessage()) {
                tokens.storeToken(new GlobalSequenceTrackingToken(token), "read-models", 0);
                work.run();
            }
            return null;
        }, e -> true);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return token;
    }

    /** Waits for the batch behind, as a rebuild's reset does before it begins. */
    private void drain() {
        behind.transactions().startTransaction().commit();
    }

    /** Until the batch behind has committed and left: read-your-writes is woken after both. */
    private void awaitWakeAfter(int woken) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (wakes.get() == woken) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("the batch behind never committed");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the writer begin");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
