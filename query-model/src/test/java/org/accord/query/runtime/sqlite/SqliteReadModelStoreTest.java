package org.accord.query.runtime.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.ReadModelStoreContract;
import org.accord.query.shared.ReadModelGenerations;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The read-model store contract on the SQLite adapter, on a file in WAL mode, each batch of events in a JDBC
 * transaction on that file as the embedded runtime runs it (there, Axon's JDBC token store writes the batch's token in
 * the same transaction).
 */
class SqliteReadModelStoreTest extends ReadModelStoreContract {

    @TempDir
    Path folder;

    private SQLiteDataSource dataSource;
    private ReadModelStore store;
    private PlatformTransactionManager transactions;

    @BeforeEach
    void open() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(5_000);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + folder.resolve("readmodels.db"));
        store = new SqliteReadModelStore(dataSource, ReadModelMongo.converter());
        transactions = new DataSourceTransactionManager(dataSource);
    }

    @Override
    protected ReadModelStore store() {
        return store;
    }

    @Override
    protected TransactionManager batchTransactions() {
        return new SpringTransactionManager(transactions);
    }

    @Override
    protected ReadModelStore reopen() {
        store = new SqliteReadModelStore(dataSource, ReadModelMongo.converter());
        return store;
    }

    @Override
    protected java.util.List<String> storedCollections() {
        return tables();
    }

    /** The switch drops the replaced generation at once: the file has one process, nobody else reads it. */
    @Override
    protected void afterTheSwitchSettles() {
    }

    @Test
    void eachCollectionIsATableOfDocumentsByIdWithTheFieldsItsLookupsNameAsColumnsSqliteItselfCanRead() {
        store.upsert(Row.class, "r1", new Update().set("group", "a").set("choice", Choice.APPROVE).set("rank", 7L)
                .set("tag", "not a lookup's"));

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForList("SELECT name FROM pragma_table_info('contract_rows')", String.class))
                .containsExactly("id", "doc", "choice", "group", "rank");
        assertThat(jdbc.queryForMap("SELECT \"group\", choice, rank FROM contract_rows WHERE id = 'r1'"))
                .containsEntry("group", "a").containsEntry("choice", "APPROVE").containsEntry("rank", 7);
        assertThat(store.findById(Row.class, "r1")).isEqualTo(new Row("r1", "a", Choice.APPROVE, "not a lookup's", 7L));
    }

    @Test
    void aRowIsItsDocumentCompressedAgainstAVocabularyMadeFromItsTypeThatHoldsNoValueOfAnyRow() {
        String name = "Phonics first, the whole school, every morning, every class, every term";
        store.upsert(Sample.class, "s1", new Update().set("name", name).set("choice", Choice.APPROVE));

        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        byte[] row = jdbc.queryForObject("SELECT doc FROM contract_samples WHERE id = 's1'", byte[].class);
        String vocabulary = new String(jdbc.queryForObject("SELECT vocabulary FROM read_model_tables"
                + " WHERE name = 'contract_samples'", byte[].class), StandardCharsets.UTF_8);
        String json = CompressedRows.decompress(vocabulary.getBytes(StandardCharsets.UTF_8), row);

        assertThat(json).contains("\"name\": \"" + name + "\"").contains("\"choice\": \"APPROVE\"")
                .doesNotContain("_id");
        // the name itself hardly repeats; the keys, their values from the vocabulary and the punctuation (33 bytes)
        // shrink to a few, beside the frame's own few bytes (79 in all; without the vocabulary, 94)
        assertThat(row.length).isLessThan(json.length() - 20);
        assertThat(new String(row, StandardCharsets.ISO_8859_1)).doesNotContain("\"name\"");
        assertThat(vocabulary).contains("\"name\"", "\"choice\"", "\"APPROVE\"", "\"votes\"", "\"voterId\"")
                .doesNotContain("Phonics");
        assertThat(store.findById(Sample.class, "s1").name()).isEqualTo(name);
    }

    @Test
    void aRowOfAnUnknownFormatIsAnErrorThatSaysSoNotADocumentReadWrong() {
        store.upsert(Sample.class, "s1", new Update().set("name", "kept"));
        new JdbcTemplate(dataSource).update("UPDATE contract_samples SET doc = x'09'");

        assertThatThrownBy(() -> store.findById(Sample.class, "s1")).hasMessageContaining("unknown format");
    }

    @Test
    void aTableMadeInABatchThatRollsBackIsMadeAgainByTheNext() {
        var batch = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage("an event"));
        batch.attachTransaction(batchTransactions());
        store.upsert(Other.class, "o1", new Update().set("name", "first"));
        store.findAll(Other.class); // writes the batch so far, making the table inside the transaction
        batch.rollback();

        store.upsert(Other.class, "o1", new Update().set("name", "second"));

        assertThat(store.findById(Other.class, "o1")).isEqualTo(new Other("o1", "second"));
    }

    @Test
    void aBuildThatBeginsInATransactionThatRollsBackLeavesNoBuildAndResetsNothingThatIsServed() {
        store.upsert(Sample.class, "s1", new Update().set("name", "live"));
        TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
        ((ReadModelGenerations) store).beginBuild(3);
        store.clear(Sample.class);
        transactions.rollback(status);

        assertThat(((ReadModelGenerations) store).building()).isEmpty();
        assertThat(store.findAll(Sample.class)).extracting(Sample::name).containsExactly("live");
    }

    @Test
    void aGenerationReplacedJustBeforeACrashIsDroppedAtTheNextStart() {
        store.upsert(Sample.class, "s1", new Update().set("name", "first generation"));
        ReadModelGenerations.Build build = ((ReadModelGenerations) store).beginBuild(0);
        inABatch(() -> store.upsert(Sample.class, "s1", new Update().set("name", "second generation")));
        // the switch committed, the drop that follows it did not
        new JdbcTemplate(dataSource).update("UPDATE read_model_generation SET live = ?, building = NULL",
                build.generation());

        SqliteReadModelStore reopened = new SqliteReadModelStore(dataSource, ReadModelMongo.converter());

        assertThat(reopened.findAll(Sample.class)).extracting(Sample::name).containsExactly("second generation");
        assertThat(tables()).containsExactly("contract_samples__g" + build.generation());
    }

    @Test
    void aDocumentTableTheRegistryDoesNotKnowIsTakenForTheFirstGenerationAndDroppedWithIt() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE contract_others (id TEXT PRIMARY KEY, doc TEXT NOT NULL)");
        jdbc.update("INSERT INTO contract_others (id, doc) VALUES ('o1', '{\"_id\": \"o1\", \"name\": \"old\"}')");
        SqliteReadModelStore reopened = new SqliteReadModelStore(dataSource, ReadModelMongo.converter());
        store = reopened;
        ReadModelGenerations.Build build = reopened.beginBuild(0);
        inABatch(() -> reopened.upsert(Sample.class, "s1", new Update().set("name", "rebuilt")));

        reopened.goLive(build);

        assertThat(tables()).containsExactly("contract_samples__g" + build.generation());
    }

    @Test
    void fromOutsideTheStoreAReadOnlyConnectionReadsTheLiveGenerationsDocumentsUnderTheirCollectionsAndWritesNothing() {
        store.upsert(Sample.class, "s1", new Update().set("name", "live"));
        ReadModelGenerations.Build build = ((ReadModelGenerations) store).beginBuild(0);
        inABatch(() -> store.upsert(Sample.class, "s2", new Update().set("name", "being built")));
        JdbcTemplate outside = LiveReadModels.readOnly(folder.resolve("readmodels.db"));

        assertThat(LiveReadModels.of(outside)).extracting(LiveReadModels::collection, LiveReadModels::table)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contract_samples", "contract_samples"));
        assertThat(documents(outside, "contract_samples")).containsExactly("{\"_id\": \"s1\", \"name\": \"live\"}");
        assertThatThrownBy(() -> outside.update("DELETE FROM contract_samples"))
                .hasMessageContaining("readonly");

        ((ReadModelGenerations) store).goLive(build);

        assertThat(LiveReadModels.of(outside, "contract_samples")).get().extracting(LiveReadModels::table)
                .isEqualTo("contract_samples__g" + build.generation());
        assertThat(documents(outside, "contract_samples"))
                .containsExactly("{\"_id\": \"s2\", \"name\": \"being built\"}");
        assertThat(LiveReadModels.of(outside, "contract_rows")).isEmpty();
    }

    private static List<String> documents(JdbcTemplate jdbc, String collection) {
        List<String> documents = new ArrayList<>();
        LiveReadModels.of(jdbc, collection).orElseThrow().forEachDocument(jdbc, "id", document -> documents.add(
                new org.bson.Document("_id", document.get("_id")).append("name", document.get("name")).toJson()));
        return documents;
    }

    private void inABatch(Runnable work) {
        var batch = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage("an event"));
        batch.attachTransaction(batchTransactions());
        work.run();
        batch.commit();
    }

    @Test
    void everyBatchFindsWhatEarlierBatchesLeftInATableTheStoreMadeWhateverWasDeletedOrRolledBackAndAfterARestart() {
        List<String> ids = java.util.stream.IntStream.range(0, 6_000).mapToObj(i -> "s" + i).toList();
        for (String pass : List.of("first", "second")) {
            for (int from = 0; from < ids.size(); from += 1_000) {
                List<String> some = ids.subList(from, from + 1_000);
                inABatch(() -> some.forEach(id -> store.upsert(Sample.class, id, new Update().addToSet("tags", pass))));
            }
        }
        inABatch(() -> ids.subList(0, 100).forEach(id -> store.delete(Sample.class, id)));
        var rolledBack = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage("an event"));
        rolledBack.attachTransaction(batchTransactions());
        List.of("never-1", "never-2").forEach(id -> store.upsert(Sample.class, id,
                new Update().addToSet("tags", "rolled back")));
        store.findAll(Sample.class); // written, then rolled back
        rolledBack.rollback();

        inABatch(() -> java.util.stream.Stream.of(ids.subList(0, 200), List.of("never-1", "never-2"))
                .flatMap(List::stream).forEach(id -> store.upsert(Sample.class, id,
                        new Update().addToSet("tags", "third"))));

        assertThat(store.findById(Sample.class, "s0").tags()).containsExactly("third");
        assertThat(store.findById(Sample.class, "s150").tags()).containsExactly("first", "second", "third");
        assertThat(store.findById(Sample.class, "never-2").tags()).containsExactly("third");
        assertThat(store.findByIds(Sample.class, ids.subList(200, 6_000), Sample::id)).hasSize(5_800)
                .allSatisfy(sample -> assertThat(sample.tags()).containsExactly("first", "second"));
        reopen();
        inABatch(() -> store.upsert(Sample.class, "s5999", new Update().addToSet("tags", "after a restart")));
        assertThat(store.findById(Sample.class, "s5999").tags()).containsExactly("first", "second", "after a restart");
    }

    @Test
    void aBatchReadingADocumentAgainAfterChangingOrDeletingItReadsTheChange() {
        store.upsert(Sample.class, "s1", new Update().set("name", "before"));
        List<String> seen = new ArrayList<>();
        inABatch(() -> {
            seen.add(store.findById(Sample.class, "s1").name());
            seen.add(store.findById(Sample.class, "s1").name());
            store.upsert(Sample.class, "s1", new Update().set("name", "changed"));
            seen.add(store.findById(Sample.class, "s1").name());
            assertThat(store.findById(Other.class, "s1")).isNull(); // another collection, another row
            store.delete(Sample.class, "s1");
            seen.add(String.valueOf(store.findById(Sample.class, "s1")));
            store.upsert(Sample.class, "s1", new Update().set("name", "again"));
            seen.add(store.findById(Sample.class, "s1").name());
        });

        assertThat(seen).containsExactly("before", "before", "changed", "null", "again");
        assertThat(store.findById(Sample.class, "s1").name()).isEqualTo("again");
    }

    /** The read-model tables in the file, bookkeeping aside. */
    private java.util.List<String> tables() {
        return new JdbcTemplate(dataSource).queryForList("SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'read_model_%'", String.class);
    }

    @Test
    void aPageOfALookupIsARangeOfItsIndexNotAScanOfTheTable() {
        store.upsert(Row.class, "r0", new Update().set("group", "a").set("choice", Choice.APPROVE).set("rank", 0L));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        String plain = plan(jdbc, List.of("group"), "a");
        String narrowed = plan(jdbc, List.of("group", "choice"), "a", "APPROVE");

        assertThat(plain).contains("USING INDEX contract_rows_by_group_rank").doesNotContain("SCAN contract_rows");
        assertThat(narrowed).contains("USING INDEX contract_rows_by_group_choice_rank")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void aGenerationBeingBuiltHasTheLookupsIndexesToo() {
        ReadModelGenerations.Build build = ((ReadModelGenerations) store).beginBuild(0);
        inABatch(() -> store.upsert(Row.class, "r0", new Update().set("group", "a").set("rank", 0L)));

        List<Object> arguments = new ArrayList<>(List.of("a", -1L, 10));
        String plan = String.join("; ", new JdbcTemplate(dataSource).query("EXPLAIN QUERY PLAN "
                        + SqliteReadModelStore.pageQuery("contract_rows__g" + build.generation(), List.of("group"),
                        "rank"), (row, n) -> row.getString("detail"), arguments.toArray()));

        assertThat(plan).contains("USING INDEX contract_rows__g" + build.generation() + "_by_group_rank");
    }

    /** SQLite's plan for the adapter's own page query. */
    private static String plan(JdbcTemplate jdbc, List<String> equalTo, Object... values) {
        List<Object> arguments = new ArrayList<>(List.of(values));
        arguments.add(-1L);
        arguments.add(10);
        return String.join("; ", jdbc.query("EXPLAIN QUERY PLAN "
                        + SqliteReadModelStore.pageQuery("contract_rows", equalTo, "rank"),
                (row, n) -> row.getString("detail"), arguments.toArray()));
    }

    @Test
    void aQueryReadingTheSameDocumentAgainIsServedWhatWasDecodedWithoutReadingTheRow() {
        store.upsert(Sample.class, "s1", new Update().set("name", "decoded once"));
        Sample first = store.findById(Sample.class, "s1");
        // a change behind the store's back (nothing but the store writes this file): only a cached answer misses it
        new JdbcTemplate(dataSource).update("UPDATE contract_samples SET doc = x'09'"); // not a row: unreadable

        assertThat(store.findById(Sample.class, "s1")).isSameAs(first);
        assertThat(store.findByIds(Sample.class, List.of("s1"), Sample::id)).containsExactly(first);
    }

    @Test
    void aWriteForgetsWhatQueriesHadDecodedOfItsRow() {
        store.upsert(Sample.class, "s1", new Update().set("name", "before"));
        store.findById(Sample.class, "s1");
        store.findByIds(Sample.class, List.of("s1"), Sample::id);

        inABatch(() -> store.upsert(Sample.class, "s1", new Update().set("name", "after a batch")));
        assertThat(store.findById(Sample.class, "s1").name()).isEqualTo("after a batch");
        assertThat(store.findByIds(Sample.class, List.of("s1"), Sample::id)).extracting(Sample::name)
                .containsExactly("after a batch");

        store.upsert(Sample.class, "s1", new Update().set("name", "after a single write"));
        assertThat(store.findAll(Sample.class)).extracting(Sample::name).containsExactly("after a single write");
    }

    @Test
    void aMutationsFewDocumentsThatQueriesHadReadAreKeptAsWrittenForTheQueryThatFollowsWithoutReadingTheirRows() {
        decodedByAQuery("s1", "s2");
        inABatch(() -> {
            store.upsert(Sample.class, "s1", new Update().set("name", "written"));
            store.upsert(Sample.class, "s2", new Update().set("name", "written too"));
        });
        rowsUnreadable("");

        assertThat(store.findById(Sample.class, "s1").name()).isEqualTo("written");
        assertThat(store.findByIds(Sample.class, List.of("s2", "s1"), Sample::id)).extracting(Sample::name)
                .containsExactly("written too", "written");
    }

    @Test
    void aRowNoQueryHadReadIsNotKeptSinceItWouldOnlyTakeThePlaceOfWhatQueriesRead() {
        inABatch(() -> store.upsert(Sample.class, "s1", new Update().set("name", "never read")));
        rowsUnreadable("");

        assertThatThrownBy(() -> store.findById(Sample.class, "s1")).hasMessageContaining("unknown format");
    }

    @Test
    void aDocumentWrittenThenDeletedOrWrittenAgainInALaterFlushOfTheSameBatchIsKeptAsTheBatchLeftIt() {
        decodedByAQuery("s1", "s2");
        inABatch(() -> {
            store.upsert(Sample.class, "s1", new Update().set("name", "first flush"));
            store.upsert(Sample.class, "s2", new Update().set("name", "first flush"));
            store.findByIds(Sample.class, List.of("s1"), Sample::id); // a query by ids flushes the batch so far
            store.delete(Sample.class, "s1");
            store.upsert(Sample.class, "s2", new Update().set("name", "second flush"));
        });
        rowsUnreadable("");

        assertThat(store.findById(Sample.class, "s1")).isNull();
        assertThat(store.findById(Sample.class, "s2").name()).isEqualTo("second flush");
    }

    @Test
    void aBatchWritingMoreThanAFewRowsKeepsNoneOfThem() {
        decodedByAQuery("s1");
        inABatch(() -> {
            for (int i = 0; i < 65; i++) {
                store.upsert(Sample.class, "s" + i, new Update().set("name", "many"));
            }
        });
        rowsUnreadable(" WHERE id = 's1'");

        assertThatThrownBy(() -> store.findById(Sample.class, "s1")).hasMessageContaining("unknown format");
        assertThat(store.findById(Sample.class, "s2").name()).isEqualTo("many");
    }

    /** Written, then read by a query: documents a batch that writes them keeps. */
    private void decodedByAQuery(String... ids) {
        for (String id : ids) {
            store.upsert(Sample.class, id, new Update().set("name", "read before"));
        }
        store.findByIds(Sample.class, List.of(ids), Sample::id);
    }

    /**
     * The rows' bytes changed behind the store's back (nothing but the store writes this file) into no row at all:
     * only a document served without reading its row is still read.
     */
    private void rowsUnreadable(String where) {
        new JdbcTemplate(dataSource).update("UPDATE contract_samples SET doc = x'09'" + where);
    }

    @Test
    void whatABatchReadOfItsOwnUncommittedWritesIsNeverServedAfterItRollsBack() {
        store.upsert(Sample.class, "s1", new Update().set("name", "committed"));
        store.findById(Sample.class, "s1"); // decoded by a query: a committed batch would keep what it writes of it
        var batch = org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(
                org.axonframework.eventhandling.GenericEventMessage.asEventMessage("an event"));
        batch.attachTransaction(batchTransactions());
        store.upsert(Sample.class, "s1", new Update().set("name", "rolled back"));
        assertThat(store.findByIds(Sample.class, List.of("s1"), Sample::id)).extracting(Sample::name)
                .containsExactly("rolled back"); // the batch sees its own write, read from the table
        batch.rollback();

        assertThat(store.findById(Sample.class, "s1").name()).isEqualTo("committed");
        assertThat(store.findByIds(Sample.class, List.of("s1"), Sample::id)).extracting(Sample::name)
                .containsExactly("committed");
    }

    @Test
    void aClearedCollectionForgetsWhatWasDecodedOfIt() {
        store.upsert(Sample.class, "s1", new Update().set("name", "to be cleared"));
        store.findById(Sample.class, "s1");

        inABatch(() -> store.clear(Sample.class));

        assertThat(store.findById(Sample.class, "s1")).isNull();
    }
}
