package org.accord.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.accord.api.audit.DecisionLogFilter;
import org.accord.api.audit.DecisionLogPage;
import org.accord.api.audit.DecisionRecordView;
import org.accord.api.audit.FindDecisionLogQuery;
import org.accord.api.standard.Area;
import org.accord.query.ReadModelMongo;
import org.accord.query.runtime.mongodb.MongoReadModelStore;
import org.accord.query.shared.ReadModelStore;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Paging through a trust's 100,000-record decision log on the embedded mode's own store (mongo-java-server on its H2
 * backend, which answers only exact unique keys from an index): a page costs the same at the end of the log as at
 * its start, because it is a key lookup of one or two buckets, not a scan. The figures are printed against the raw
 * cost of one driver find by key on the same store, in the same run.
 */
class DecisionLogPagingBenchmarkTest {

    private static final String TRUST = "trust-bench";
    private static final int RECORDS = 100_000;
    private static final int PAGE = 100;

    @TempDir
    Path data;

    private MongoServer server;
    private MongoClient client;
    private MVStore mvStore;
    private DecisionLogQueries queries;
    private MongoTemplate mongo;

    @BeforeEach
    void aLogOfAHundredThousandRecords() {
        mvStore = new MVStore.Builder().fileName(data.resolve("readmodels.mv.db").toString()).open();
        server = new MongoServer(new H2Backend(mvStore));
        client = MongoClients.create(server.bindAndGetConnectionString());
        mongo = ReadModelMongo.template(client, "accord");
        queries = new DecisionLogQueries(new MongoReadModelStore(mongo));
        // the documents the projection writes, written in bulk: this measures reading, not projecting
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        List<DecisionLogBucketDocument> buckets = new ArrayList<>();
        for (int bucket = 0; bucket < RECORDS / DecisionLogDocuments.BUCKET_SIZE; bucket++) {
            List<DecisionLogBucketDocument.Entry> entries = new ArrayList<>();
            for (int i = 0; i < DecisionLogDocuments.BUCKET_SIZE; i++) {
                long position = (long) bucket * DecisionLogDocuments.BUCKET_SIZE + i + 1;
                entries.add(new DecisionLogBucketDocument.Entry("event-" + position, position,
                        position % 10 == 0 ? "VotingClosed" : "VoteCast", start.plusSeconds(position),
                        start.plusSeconds(position), "person-" + (position % 40), "Proposal",
                        "proposal-" + (position / 50), Area.CURRICULUM, "Record " + position, "because " + position));
            }
            buckets.add(new DecisionLogBucketDocument(DecisionLogDocuments.bucketId(TRUST,
                    (long) bucket * DecisionLogDocuments.BUCKET_SIZE), entries));
        }
        mongo.insertAll(buckets);
        mongo.insert(new DecisionLogHeadDocument(TRUST, RECORDS, RECORDS));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
        mvStore.close();
    }

    @Test
    void aPageAtTheEndOfAHundredThousandRecordsCostsWhatAPageAtTheStartCosts() {
        // warm up the code paths, then measure in the same run
        walk(null, 20);
        long[] raw = rawKeyLookups(200);

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
        // the worst case: a filter nothing matches reads every bucket after the cursor
        long worstStart = System.nanoTime();
        DecisionLogPage none = queries.handle(new FindDecisionLogQuery(TRUST,
                new DecisionLogFilter("nobody", null, null, null, null, null), PAGE, null));
        double worstMs = (System.nanoTime() - worstStart) / 1e6;

        System.out.printf("decision log paging (embedded store, H2 backend): %,d records in %,d pages of %d;"
                        + " page p50 %.2f ms, p99 %.2f ms; first 100 pages p50 %.2f ms, last 100 pages p50 %.2f ms"
                        + " (ratio %.2f); raw find by key p50 %.3f ms (page p50 = %.1f x raw);"
                        + " a page of a 1-in-10 filter %.2f ms; a filter matching nothing, whole log %.0f ms%n",
                positions.size(), nanos.size(), PAGE, ms(p(all, 50)), ms(p(all, 99)), ms(p(first, 50)),
                ms(p(last, 50)), (double) p(last, 50) / p(first, 50), ms(p(raw, 50)),
                (double) p(all, 50) / p(raw, 50), filteredMs, worstMs);

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
        MongoCollection<Document> collection = client.getDatabase("accord").getCollection("decision_log");
        long[] nanos = new long[lookups];
        for (int i = 0; i < lookups; i++) {
            String id = DecisionLogDocuments.bucketId(TRUST, (long) (i * 997 % RECORDS));
            long started = System.nanoTime();
            Document found = collection.find(Filters.eq("_id", id)).first();
            nanos[i] = System.nanoTime() - started;
            assertThat(found).isNotNull();
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
