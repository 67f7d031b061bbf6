package org.accord.query.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.accord.query.shared.Lookup;
import org.accord.query.shared.ReadModelGenerations;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What every read-model store adapter must do, as the projections and queries rely on it: one suite, run against each
 * adapter by a subclass that says how to make it and in what transaction the runtime runs a batch of events.
 */
public abstract class ReadModelStoreContract {

    public enum Choice { APPROVE, OBJECT }

    public record Vote(String voterId, Choice choice, Instant at) {
    }

    public record Rule(double quorum, int hours) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("contract_samples")
    public record Sample(@Id String id, String name, Choice choice, List<String> tags, Map<String, Vote> votes,
                         List<Vote> history, Instant closesAt, LocalDate until, Long count, Rule rule) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("contract_others")
    public record Other(@Id String id, String name) {
    }

    /** A row of a list that grows with the log: found by group (and choice), in the order of its rank. */
    @Lookup(by = "group", sortedBy = "rank")
    @Lookup(by = {"group", "choice"}, sortedBy = "rank")
    @org.springframework.data.mongodb.core.mapping.Document("contract_rows")
    public record Row(@Id String id, String group, Choice choice, String tag, Long rank) {
    }

    private static final Instant NINE = Instant.parse("2027-09-01T09:00:00Z");
    private static final Instant TEN = Instant.parse("2027-09-01T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2027-09-01T11:00:00Z");

    /** The adapter under test, on an empty store. */
    protected abstract ReadModelStore store();

    /** The transaction the runtime gives a processor's batch of events with this adapter. */
    protected abstract TransactionManager batchTransactions();

    /** The same store opened again on what it stored, as a restart (or another replica) does; it becomes store(). */
    protected abstract ReadModelStore reopen();

    /** The read-model collections (tables) the adapter holds now, bookkeeping aside. */
    protected abstract List<String> storedCollections();

    /** Lets the time pass after which a replaced generation is dropped (at once for some adapters). */
    protected abstract void afterTheSwitchSettles();

    private ReadModelGenerations generations() {
        return (ReadModelGenerations) store();
    }

    /** As ReadModelRebuild begins a build: the build, each projection's reset (a clear), the resets recorded. */
    private ReadModelGenerations.Build beginBuildAndReset(long target) {
        ReadModelGenerations.Build build = generations().beginBuild(target);
        store().clear(Sample.class, Other.class);
        generations().tokensReset(build);
        return build;
    }

    @Test
    void aNewStoreServesGenerationZeroUnderThePlainCollectionNamesWithNoBuild() {
        store().upsert(Sample.class, "s1", new Update().set("name", "live"));

        assertThat(generations().live()).isZero();
        assertThat(generations().building()).isEmpty();
        assertThat(storedCollections()).containsExactly("contract_samples");
    }

    @Test
    void duringABuildQueriesReadTheLiveGenerationWhileResetsAndBatchesWorkOnTheNewOne() {
        store().upsert(Sample.class, "s1", new Update().set("name", "live"));
        ReadModelGenerations.Build build = beginBuildAndReset(41);
        inABatch(() -> store().upsert(Sample.class, "s2", new Update().set("name", "rebuilt")));

        assertThat(generations().building()).contains(new ReadModelGenerations.Build(build.generation(), 41));
        assertThat(generations().live()).isZero();
        assertThat(store().findAll(Sample.class)).extracting(Sample::name).containsExactly("live");
        assertThat(store().findById(Sample.class, "s2")).isNull();
        inABatch(() -> assertThat(store().findById(Sample.class, "s1")).isNull());
    }

    @Test
    void theSwitchMakesTheBuildLiveInOneStepAndTheReplacedGenerationIsDropped() {
        store().upsert(Sample.class, "s1", new Update().set("name", "live"));
        ReadModelGenerations.Build build = beginBuildAndReset(7);
        inABatch(() -> store().upsert(Sample.class, "s2", new Update().set("name", "rebuilt")));

        generations().goLive(build);

        assertThat(generations().live()).isEqualTo(build.generation());
        assertThat(generations().building()).isEmpty();
        assertThat(store().findAll(Sample.class)).extracting(Sample::name).containsExactly("rebuilt");
        afterTheSwitchSettles();
        assertThat(storedCollections()).containsExactly("contract_samples__g" + build.generation());
        assertThat(store().findAll(Sample.class)).extracting(Sample::name).containsExactly("rebuilt");
    }

    @Test
    void aStoreOpenedAgainMidBuildServesTheLiveGenerationAndBatchesGoOnWithTheBuild() {
        store().upsert(Sample.class, "s1", new Update().set("name", "live"));
        ReadModelGenerations.Build build = beginBuildAndReset(7);
        inABatch(() -> store().upsert(Sample.class, "s2", new Update().set("name", "rebuilt")));

        reopen();

        assertThat(generations().building()).contains(build);
        assertThat(generations().tokensWereReset(build)).isTrue();
        assertThat(store().findAll(Sample.class)).extracting(Sample::name).containsExactly("live");
        inABatch(() -> assertThat(store().findById(Sample.class, "s2").name()).isEqualTo("rebuilt"));
    }

    @Test
    void aNewBuildDropsTheOneLeftUnfinishedAndTheUnfinishedOneCanNoLongerGoLive() {
        store().upsert(Sample.class, "s1", new Update().set("name", "live"));
        ReadModelGenerations.Build first = beginBuildAndReset(3);
        inABatch(() -> store().upsert(Sample.class, "s2", new Update().set("name", "half built")));

        ReadModelGenerations.Build second = beginBuildAndReset(5);
        generations().goLive(first);

        assertThat(second.generation()).isGreaterThan(first.generation());
        assertThat(generations().live()).isZero();
        assertThat(generations().building()).contains(second);
        assertThat(storedCollections()).doesNotContain("contract_samples__g" + first.generation());
        inABatch(() -> assertThat(store().findById(Sample.class, "s2")).isNull());
    }

    private void inABatch(Runnable work) {
        UnitOfWork<?> batch = startBatch();
        work.run();
        batch.commit();
    }

    @Test
    void aDocumentWrittenWithSetReadsBackWithEveryKindOfValueTheProjectionsStore() {
        Vote vote = new Vote("p1", Choice.OBJECT, NINE);
        store().upsert(Sample.class, "s1", new Update()
                .set("name", "Phonics first")
                .set("choice", Choice.APPROVE)
                .set("tags", List.of("a", "b"))
                .set("votes.p1", vote)
                .set("history", List.of(vote))
                .set("closesAt", TEN)
                .set("until", LocalDate.of(2028, 2, 29))
                .set("count", 5_000_000_000L)
                .set("rule", new Rule(0.5, 72)));

        assertThat(store().findById(Sample.class, "s1")).isEqualTo(new Sample("s1", "Phonics first", Choice.APPROVE,
                List.of("a", "b"), Map.of("p1", vote), List.of(vote), TEN, LocalDate.of(2028, 2, 29), 5_000_000_000L,
                new Rule(0.5, 72)));
    }

    @Test
    void aCollectionNeverWrittenAnswersEveryReadWithNothing() {
        assertThat(store().findById(Sample.class, "nobody")).isNull();
        assertThat(store().findByIds(Sample.class, List.of("a", "b"), Sample::id)).isEmpty();
        assertThat(store().findAll(Sample.class)).isEmpty();
        assertThat(store().findDue(Sample.class, "closesAt", ELEVEN)).isEmpty();
        assertThat(store().findPage(Row.class, Map.of("group", "a"), "rank", -1, 10)).isEmpty();
    }

    @Test
    void aSecondSetChangesOnlyTheFieldsItNames() {
        store().upsert(Sample.class, "s1", new Update().set("name", "first").set("count", 1L));
        store().upsert(Sample.class, "s1", new Update().set("name", "second"));

        Sample sample = store().findById(Sample.class, "s1");
        assertThat(sample.name()).isEqualTo("second");
        assertThat(sample.count()).isEqualTo(1L);
    }

    @Test
    void addToSetAddsAValueOnlyOnceAndPullTakesItOut() {
        Vote first = new Vote("p1", Choice.APPROVE, NINE);
        Vote second = new Vote("p2", Choice.OBJECT, TEN);
        store().upsert(Sample.class, "s1", new Update().addToSet("tags", "a").addToSet("history", first));
        store().upsert(Sample.class, "s1", new Update().addToSet("tags", "a").addToSet("history", first));
        store().upsert(Sample.class, "s1", new Update().addToSet("tags", "b").addToSet("history", second));
        assertThat(store().findById(Sample.class, "s1").tags()).containsExactly("a", "b");
        assertThat(store().findById(Sample.class, "s1").history()).containsExactly(first, second);

        store().upsert(Sample.class, "s1", new Update().pull("tags", "a"));
        assertThat(store().findById(Sample.class, "s1").tags()).containsExactly("b");
    }

    @Test
    void unsetTakesOneEntryOutOfAMapAndLeavesTheOthers() {
        Vote first = new Vote("p1", Choice.APPROVE, NINE);
        Vote second = new Vote("p2", Choice.OBJECT, TEN);
        store().upsert(Sample.class, "s1", new Update().set("votes.p1", first));
        store().upsert(Sample.class, "s1", new Update().set("votes.p2", second));
        store().upsert(Sample.class, "s1", new Update().unset("votes.p1"));

        assertThat(store().findById(Sample.class, "s1").votes()).isEqualTo(Map.of("p2", second));
    }

    @Test
    void deleteRemovesTheDocumentAndDeletingAnUnknownOneChangesNothing() {
        store().upsert(Sample.class, "s1", new Update().set("name", "one"));
        store().upsert(Sample.class, "s2", new Update().set("name", "two"));

        store().delete(Sample.class, "s1");
        store().delete(Sample.class, "never");

        assertThat(store().findById(Sample.class, "s1")).isNull();
        assertThat(store().findAll(Sample.class)).extracting(Sample::name).containsExactly("two");
    }

    @Test
    void clearEmptiesTheCollectionsItNamesAndNoOther() {
        store().upsert(Sample.class, "s1", new Update().set("name", "one"));
        store().upsert(Other.class, "o1", new Update().set("name", "other"));

        store().clear(Sample.class);

        assertThat(store().findAll(Sample.class)).isEmpty();
        assertThat(store().findAll(Other.class)).containsExactly(new Other("o1", "other"));
        store().upsert(Sample.class, "s1", new Update().set("name", "again"));
        assertThat(store().findById(Sample.class, "s1").name()).isEqualTo("again");
    }

    @Test
    void findByIdsAnswersInTheOrderOfTheIdsLeavingUnknownIdsOutEvenForMoreIdsThanOneQueryAsks() {
        List<String> ids = IntStream.range(0, 1_200).mapToObj(i -> "s" + i).toList();
        ids.forEach(id -> store().upsert(Sample.class, id, new Update().set("name", "name of " + id)));
        List<String> reversed = new ArrayList<>(ids);
        java.util.Collections.reverse(reversed);
        List<String> asked = new ArrayList<>(reversed);
        asked.add(600, "unknown");

        List<Sample> found = store().findByIds(Sample.class, asked, Sample::id);

        assertThat(found).extracting(Sample::id).containsExactlyElementsOf(reversed);
        assertThat(found.get(0).name()).isEqualTo("name of s1199");
    }

    @Test
    void findDueReturnsTheDocumentsDueAtOrBeforeTheLimitEarliestFirst() {
        store().upsert(Sample.class, "late", new Update().set("closesAt", ELEVEN).set("until", LocalDate.of(2028, 1, 3)));
        store().upsert(Sample.class, "early", new Update().set("closesAt", NINE).set("until", LocalDate.of(2027, 12, 31)));
        store().upsert(Sample.class, "exact", new Update().set("closesAt", TEN).set("until", LocalDate.of(2028, 1, 2)));
        store().upsert(Sample.class, "none", new Update().set("name", "no dates"));

        assertThat(store().findDue(Sample.class, "closesAt", TEN)).extracting(Sample::id)
                .containsExactly("early", "exact");
        assertThat(store().findDue(Sample.class, "until", LocalDate.of(2028, 1, 2))).extracting(Sample::id)
                .containsExactly("early", "exact");
    }

    @Test
    void aBatchReadsItsOwnWritesByIdAndByIdsAndStoresThemWhenItCommits() {
        store().upsert(Sample.class, "before", new Update().set("name", "stored before"));
        UnitOfWork<?> batch = startBatch();
        store().upsert(Sample.class, "s1", new Update().set("name", "first").addToSet("tags", "a"));
        store().upsert(Sample.class, "s1", new Update().addToSet("tags", "b"));
        store().delete(Sample.class, "before");
        assertThat(store().findById(Sample.class, "s1").tags()).containsExactly("a", "b");
        assertThat(store().findById(Sample.class, "before")).isNull();
        assertThat(store().findByIds(Sample.class, List.of("s1", "before"), Sample::id)).extracting(Sample::name)
                .containsExactly("first");
        store().upsert(Sample.class, "s1", new Update().set("name", "second"));
        batch.commit();

        assertThat(store().findById(Sample.class, "s1").name()).isEqualTo("second");
        assertThat(store().findById(Sample.class, "s1").tags()).containsExactly("a", "b");
        assertThat(store().findById(Sample.class, "before")).isNull();
    }

    @Test
    void aBatchOfManyDocumentsOverSeveralCollectionsStoresEachAsItsLastUpdateLeftIt() {
        // enough documents for an adapter to share the work of writing them between threads
        store().upsert(Other.class, "gone-0", new Update().set("name", "deleted by the batch"));
        UnitOfWork<?> batch = startBatch();
        for (int i = 0; i < 300; i++) {
            store().upsert(Sample.class, "many-" + i, new Update().set("name", "sample " + i).set("count", (long) i)
                    .set("closesAt", NINE).addToSet("tags", "t" + (i % 7)));
            store().upsert(Other.class, "other-" + i, new Update().set("name", "other " + i));
            store().upsert(Row.class, "row-" + i, new Update().set("group", "g" + (i % 3)).set("rank", (long) i));
        }
        for (int i = 0; i < 300; i += 2) {
            store().upsert(Sample.class, "many-" + i, new Update().set("name", "sample " + i + " again"));
        }
        store().delete(Other.class, "gone-0");
        batch.commit();

        List<String> ids = IntStream.range(0, 300).mapToObj(i -> "many-" + i).toList();
        assertThat(store().findByIds(Sample.class, ids, Sample::id)).hasSize(300).allSatisfy(sample -> {
            int i = Integer.parseInt(sample.id().substring("many-".length()));
            assertThat(sample.name()).isEqualTo(i % 2 == 0 ? "sample " + i + " again" : "sample " + i);
            assertThat(sample.count()).isEqualTo(i);
            assertThat(sample.closesAt()).isEqualTo(NINE);
            assertThat(sample.tags()).containsExactly("t" + (i % 7));
        });
        assertThat(store().findById(Other.class, "other-299").name()).isEqualTo("other 299");
        assertThat(store().findById(Other.class, "gone-0")).isNull();
        assertThat(store().findPage(Row.class, Map.of("group", "g1"), "rank", -1, 1000)).hasSize(100)
                .extracting(Row::rank).isSorted();
    }

    @Test
    void aBatchThatRollsBackLeavesTheStoreAsItWas() {
        store().upsert(Sample.class, "s1", new Update().set("name", "stored before"));
        UnitOfWork<?> batch = startBatch();
        store().upsert(Sample.class, "s1", new Update().set("name", "changed in the batch"));
        store().upsert(Sample.class, "s2", new Update().set("name", "new in the batch"));
        batch.rollback();

        assertThat(store().findById(Sample.class, "s1").name()).isEqualTo("stored before");
        assertThat(store().findById(Sample.class, "s2")).isNull();
    }

    @Test
    void aQueryDuringABatchOnAnotherThreadSeesOnlyWhatIsStored() throws Exception {
        store().upsert(Sample.class, "s1", new Update().set("name", "stored"));
        UnitOfWork<?> batch = startBatch();
        store().upsert(Sample.class, "s1", new Update().set("name", "pending"));
        List<String> seen = new ArrayList<>();
        Thread query = new Thread(() -> seen.add(store().findById(Sample.class, "s1").name()));
        query.start();
        query.join();
        batch.commit();

        assertThat(seen).containsExactly("stored");
        assertThat(store().findById(Sample.class, "s1").name()).isEqualTo("pending");
    }

    @Test
    void aPageHoldsTheRowsOfOneGroupAfterTheKeyInTheOrderOfTheirRankAtMostTheLimit() {
        // written out of order, with ranks whose text would sort otherwise (10 before 2) and one beyond an int
        row("r10", "a", Choice.APPROVE, 10L);
        row("b1", "b", Choice.APPROVE, 1L);
        row("r2", "a", Choice.OBJECT, 2L);
        row("rBig", "a", Choice.APPROVE, 5_000_000_000L);
        row("r0", "a", Choice.APPROVE, 0L);
        row("r3", "a", Choice.OBJECT, 3L);

        assertThat(page(Map.of("group", "a"), -1, 2)).containsExactly("r0", "r2");
        assertThat(page(Map.of("group", "a"), 2, 2)).containsExactly("r3", "r10");
        assertThat(page(Map.of("group", "a"), 10, 2)).containsExactly("rBig");
        assertThat(page(Map.of("group", "a"), 5_000_000_000L, 2)).isEmpty();
        assertThat(page(Map.of("group", "b"), Long.MIN_VALUE, Integer.MAX_VALUE)).containsExactly("b1");
        assertThat(page(Map.of("group", "c"), -1, 10)).isEmpty();
    }

    @Test
    void furtherEqualitiesNarrowAPageAndARowWhoseValueChangesMovesToItsNewPage() {
        row("r0", "a", Choice.APPROVE, 0L);
        row("r1", "a", Choice.OBJECT, 1L);
        row("r2", "a", Choice.APPROVE, 2L);
        store().upsert(Row.class, "r2", new Update().set("tag", "marked"));

        assertThat(page(Map.of("group", "a", "choice", Choice.APPROVE), -1, 10)).containsExactly("r0", "r2");
        assertThat(page(Map.of("group", "a", "choice", Choice.APPROVE, "tag", "marked"), -1, 10))
                .containsExactly("r2");

        store().upsert(Row.class, "r0", new Update().set("choice", Choice.OBJECT));

        assertThat(page(Map.of("group", "a", "choice", Choice.APPROVE), -1, 10)).containsExactly("r2");
        assertThat(page(Map.of("group", "a", "choice", Choice.OBJECT), -1, 10)).containsExactly("r0", "r1");
        assertThat(store().findPage(Row.class, Map.of("group", "a"), "rank", -1, 10))
                .contains(new Row("r2", "a", Choice.APPROVE, "marked", 2L));
    }

    @Test
    void aNegativeLimitIsNoneAsWhenACallerAsksForEveryDocumentAndOneMore() {
        row("r0", "a", Choice.APPROVE, 0L);
        row("r1", "a", Choice.OBJECT, 1L);

        assertThat(page(Map.of("group", "a"), Long.MIN_VALUE, Integer.MAX_VALUE + 1)).containsExactly("r0", "r1");
        assertThat(page(Map.of("group", "a"), Long.MIN_VALUE, Integer.MAX_VALUE)).containsExactly("r0", "r1");
        assertThat(page(Map.of("group", "a", "choice", Choice.OBJECT), Long.MIN_VALUE, -1)).containsExactly("r1");
    }

    @Test
    void aPageNoDeclaredLookupAnswersIsRefusedRatherThanScanned() {
        row("r0", "a", Choice.APPROVE, 0L);

        assertThatThrownBy(() -> store().findPage(Row.class, Map.of("tag", "x"), "rank", -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no lookup");
        assertThatThrownBy(() -> store().findPage(Row.class, Map.of("group", "a"), "tag", -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no lookup");
        assertThatThrownBy(() -> store().findPage(Sample.class, Map.of("name", "x"), "count", -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no lookup");
    }

    @Test
    void aBatchReadsItsOwnWritesByLookupAndStoresThemWhenItCommits() {
        row("r0", "a", Choice.APPROVE, 0L);
        UnitOfWork<?> batch = startBatch();
        row("r1", "a", Choice.APPROVE, 1L);
        store().upsert(Row.class, "r0", new Update().set("choice", Choice.OBJECT));

        assertThat(page(Map.of("group", "a"), -1, 10)).containsExactly("r0", "r1");
        assertThat(page(Map.of("group", "a", "choice", Choice.APPROVE), -1, 10)).containsExactly("r1");
        batch.commit();

        assertThat(page(Map.of("group", "a", "choice", Choice.APPROVE), -1, 10)).containsExactly("r1");
    }

    private void row(String id, String group, Choice choice, long rank) {
        store().upsert(Row.class, id, new Update().set("group", group).set("choice", choice).set("rank", rank));
    }

    private List<String> page(Map<String, ?> equalTo, long after, int limit) {
        return store().findPage(Row.class, equalTo, "rank", after, limit).stream().map(Row::id).toList();
    }

    /** A batch a failed check left open would otherwise take the next test's writes. */
    @AfterEach
    void endAnyBatchLeftOpen() {
        while (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().rollback();
        }
    }

    private UnitOfWork<?> startBatch() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        batch.attachTransaction(batchTransactions());
        return batch;
    }
}
