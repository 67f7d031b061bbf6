package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.accord.api.audit.DecisionLogFilter;
import org.accord.api.audit.DecisionLogPage;
import org.accord.api.audit.DecisionRecordView;
import org.accord.api.audit.FindDecisionLogQuery;
import org.accord.api.standard.Area;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.sqlite.CompressedRows;
import org.accord.query.runtime.sqlite.SqliteReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Paging through a trust's 100,000-record decision log on the embedded mode's store (the SQLite adapter, a row per
 * record): a page costs the same at the end of the log as at its start, because it is a range of the lookup's index,
 * not a scan. The figures are printed against the raw cost of the same range read, and of one find by key, in plain
 * JDBC on the same file, in the same run.
 */
class DecisionLogPagingBenchmarkTest {

    private static final String TRUST = "trust-bench";
    private static final int RECORDS = 100_000;
    private static final int PAGE = 100;

    @TempDir
    Path data;

    private DecisionLogQueries queries;
    private JdbcTemplate jdbc;

    @BeforeEach
    void aLogOfAHundredThousandRecords() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + data.resolve("readmodels.db"));
        jdbc = new JdbcTemplate(dataSource);
        ReadModelStore store = new SqliteReadModelStore(dataSource, ReadModelMongo.converter());
        queries = new DecisionLogQueries(store);
        // the documents the projection writes, in one batch of events in one transaction: this measures reading
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("the log"));
        batch.attachTransaction(new SpringTransactionManager(transactions));
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        for (long position = 1; position <= RECORDS; position++) {
            store.upsert(DecisionRecordDocument.class, DecisionRecordDocument.idOf(TRUST, position), new Update()
                    .set("trustId", TRUST)
                    .set("position", position)
                    .set("eventId", "event-" + position)
                    .set("type", position % 10 == 0 ? "VotingClosed" : "VoteCast")
                    .set("occurredAt", start.plusSeconds(position))
                    .set("recordedAt", start.plusSeconds(position))
                    .set("actorId", "person-" + (position % 40))
                    .set("subjectType", "Proposal")
                    .set("subjectId", "proposal-" + (position / 50))
                    .set("area", Area.CURRICULUM)
                    .set("summary", "Record " + position)
                    .set("rationale", "because " + position));
        }
        store.upsert(DecisionLogHeadDocument.class, TRUST, new Update().set("count", (long) RECORDS)
                .set("lastGlobalIndex", (long) RECORDS));
        batch.commit();
    }

    @Test
    void aPageAtTheEndOfAHundredThousandRecordsCostsWhatAPageAtTheStartCosts() {
        // warm up the code paths, then measure in the same run
        walk(null, 20);
        long[] raw = rawKeyLookups(200);
        long[] rawRanges = rawRangeReads(200);

        List<Long> nanos = new ArrayList<>();
        List<Long> positions = new ArrayList<>(RECORDS);
        String after = null;
        boolean more = true;
        while (more) {
            long started = System.nanoTime();
            DecisionLogPage page = queries.handle(new FindDecisionLogQuery(TRUST, null, PAGE, after));
            nanos.add(System.nanoTime() - started);
            page.records().stream().map(DecisionRecordView::position).forEach(positions::add);
            after = page.cursors().isEmpty() ? after : page.cursors().get(page.cursors().size() - 1);
            more = page.hasNextPage();
        }
        long[] first = sorted(nanos.subList(0, 100));
        long[] last = sorted(nanos.subList(nanos.size() - 100, nanos.size()));
        long[] all = sorted(nanos);
        String nearTheEnd = cursorAfter(90_000);
        long filteredStart = System.nanoTime();
        DecisionLogPage closes = queries.handle(new FindDecisionLogQuery(TRUST,
                new DecisionLogFilter(null, List.of("VotingClosed"), null, null, null, null), PAGE, nearTheEnd));
        double filteredMs = (System.nanoTime() - filteredStart) / 1e6;
        // the worst case: a filter nothing matches reads every record after the cursor
        long worstStart = System.nanoTime();
        DecisionLogPage none = queries.handle(new FindDecisionLogQuery(TRUST,
                new DecisionLogFilter("nobody", null, null, null, null, null), PAGE, null));
        double worstMs = (System.nanoTime() - worstStart) / 1e6;

        // the register's first page: newest first, from the head of a hundred thousand records
        long newestStart = System.nanoTime();
        DecisionLogPage newest = queries.handle(new FindDecisionLogQuery(TRUST, null, 50, null, true));
        double newestMs = (System.nanoTime() - newestStart) / 1e6;
        long olderStart = System.nanoTime();
        DecisionLogPage older = queries.handle(new FindDecisionLogQuery(TRUST, null, 50,
                newest.cursors().get(newest.cursors().size() - 1), true));
        double olderMs = (System.nanoTime() - olderStart) / 1e6;
        System.out.printf("decision log newest first: first page of 50 %.2f ms, the next %.2f ms%n", newestMs, olderMs);
        assertThat(newest.records()).extracting(DecisionRecordView::position).startsWith((long) RECORDS, RECORDS - 1L);
        assertThat(older.records().get(0).position()).isEqualTo(RECORDS - 50L);

        System.out.printf("decision log paging (embedded store, SQLite adapter): %,d records in %,d pages of %d;"
                        + " page p50 %.2f ms, p99 %.2f ms; first 100 pages p50 %.2f ms, last 100 pages p50 %.2f ms"
                        + " (ratio %.2f); raw JDBC range of %d rows p50 %.3f ms (page p50 = %.1f x raw); raw find by"
                        + " key p50 %.3f ms; a page of a 1-in-10 filter %.2f ms; a filter matching nothing, whole log"
                        + " %.0f ms%n",
                positions.size(), nanos.size(), PAGE, ms(p(all, 50)), ms(p(all, 99)), ms(p(first, 50)),
                ms(p(last, 50)), (double) p(last, 50) / p(first, 50), PAGE + 1, ms(p(rawRanges, 50)),
                (double) p(all, 50) / p(rawRanges, 50), ms(p(raw, 50)), filteredMs, worstMs);

        assertThat(positions).hasSize(RECORDS);
        for (int i = 0; i < positions.size(); i++) {
            assertThat(positions.get(i)).isEqualTo(i + 1L);
        }
        assertThat(closes.records()).hasSize(PAGE).allMatch(r -> r.type().equals("VotingClosed"))
                .allMatch(r -> r.position() > 90_000);
        assertThat(none.records()).isEmpty();
        assertThat(none.hasNextPage()).isFalse();
    }

    /** The cursor of a record, as a client would hold it after paging that far. */
    private String cursorAfter(int records) {
        String cursor = null;
        for (int i = 0; i < records / PAGE; i++) {
            DecisionLogPage page = queries.handle(new FindDecisionLogQuery(TRUST, null, PAGE, cursor));
            cursor = page.cursors().get(page.cursors().size() - 1);
        }
        return cursor;
    }

    private void walk(String after, int pages) {
        String cursor = after;
        for (int i = 0; i < pages; i++) {
            DecisionLogPage page = queries.handle(new FindDecisionLogQuery(TRUST, null, PAGE, cursor));
            cursor = page.cursors().get(page.cursors().size() - 1);
        }
    }

    private long[] rawKeyLookups(int lookups) {
        long[] nanos = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            String id = DecisionRecordDocument.idOf(TRUST, i * 997L % RECORDS + 1);
            long started = System.nanoTime();
            List<byte[]> found = jdbc.query("SELECT doc FROM decision_records WHERE id = ?", (row, n) -> row.getBytes(1),
                    id);
            nanos[i] = System.nanoTime() - started;
            assertThat(found).hasSize(1);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    /**
     * The rows of one page (and one more), in plain JDBC, documents decompressed and parsed as the adapter does (not
     * converted into records: that is the adapter's own cost).
     */
    private long[] rawRangeReads(int reads) {
        byte[] vocabulary = jdbc.queryForObject("SELECT vocabulary FROM read_model_tables"
                + " WHERE name = 'decision_records'", byte[].class);
        long[] nanos = new long[reads];
        for (int i = 0; i < reads; i++) {
            long after = i * 997L % (RECORDS - PAGE);
            long started = System.nanoTime();
            List<Document> found = jdbc.query("SELECT doc FROM decision_records"
                            + " WHERE trustId = ? AND position > ? ORDER BY position LIMIT ?",
                    (row, n) -> Document.parse(CompressedRows.decompress(vocabulary, row.getBytes(1))), TRUST, after,
                    PAGE + 1);
            nanos[i] = System.nanoTime() - started;
            assertThat(found).hasSize(PAGE + 1);
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static long[] sorted(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    private static long p(long[] sorted, int percentile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
