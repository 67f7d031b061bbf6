package org.accord.query.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.accord.api.audit.DecisionLogFilter;
import org.accord.api.audit.DecisionLogPage;
import org.accord.api.audit.DecisionRecordView;
import org.accord.api.audit.FindDecisionLogQuery;
import org.accord.query.shared.Cursors;
import org.accord.query.shared.ReadModelStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Pages of a trust's decision log, oldest first. A cursor is a record's position, which never changes: records
 * appended while a client pages come after everything it has seen.
 */
@Component
public class DecisionLogQueries {

    private static final String CURSOR_LIST = "decision";
    /** Rows read per round trip when a filter skips some: a filtered page rarely needs a second. */
    private static final int MIN_CHUNK = 100;

    private final ReadModelStore store;

    public DecisionLogQueries(ReadModelStore store) {
        this.store = store;
    }

    @QueryHandler
    public DecisionLogPage handle(FindDecisionLogQuery query) {
        DecisionLogHeadDocument head = store.findById(DecisionLogHeadDocument.class, query.trustId());
        if (head == null) {
            return new DecisionLogPage(List.of(), List.of(), false);
        }
        DecisionLogFilter filter = query.filter() == null ? DecisionLogFilter.none() : query.filter();
        if (query.newestFirst()) {
            return newestFirst(query, head, filter);
        }
        List<DecisionRecordView> records = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        // positions are 1-based, cursors 0-based: a record's cursor is its position - 1, as it always was
        long after = Cursors.startAfter(CURSOR_LIST, query.after());
        int chunk = Math.max(query.first() + 1, MIN_CHUNK);
        while (after < head.count()) {
            List<DecisionRecordDocument> rows = store.findPage(DecisionRecordDocument.class,
                    Map.of("trustId", query.trustId()), "position", after, chunk);
            for (DecisionRecordDocument row : rows) {
                if (row.position() > head.count()) {
                    // written before its head by a batch cut short; it comes back with the redelivered event
                    return new DecisionLogPage(records, cursors, false);
                }
                DecisionRecordView record = view(row);
                if (!filter.accepts(record)) {
                    continue;
                }
                if (records.size() == query.first()) {
                    return new DecisionLogPage(records, cursors, true);
                }
                records.add(record);
                cursors.add(Cursors.encode(CURSOR_LIST, (int) (row.position() - 1)));
            }
            if (rows.size() < chunk) {
                break;
            }
            after = rows.get(rows.size() - 1).position();
        }
        return new DecisionLogPage(records, cursors, false);
    }

    /**
     * Newest first: chunks read backwards from the head (or from the record before the cursor), each chunk read in
     * position order and walked in reverse. A cursor is still position - 1, so it names the same record as in the
     * oldest-first order.
     */
    private DecisionLogPage newestFirst(FindDecisionLogQuery query, DecisionLogHeadDocument head,
                                        DecisionLogFilter filter) {
        List<DecisionRecordView> records = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        // the highest position still to read: the head, or the one before the cursor's record (cursor = position - 1)
        long upTo = query.after() == null ? head.count()
                : Math.min(head.count(), Cursors.startAfter(CURSOR_LIST, query.after()) - 1L);
        int chunk = Math.max(query.first() + 1, MIN_CHUNK);
        while (upTo > 0) {
            long from = Math.max(0, upTo - chunk);
            List<DecisionRecordDocument> rows = store.findPage(DecisionRecordDocument.class,
                    Map.of("trustId", query.trustId()), "position", from, (int) (upTo - from));
            for (int i = rows.size() - 1; i >= 0; i--) {
                DecisionRecordDocument row = rows.get(i);
                if (row.position() > upTo) {
                    continue; // a gap below let the chunk reach past its end: those rows were read already
                }
                DecisionRecordView record = view(row);
                if (!filter.accepts(record)) {
                    continue;
                }
                if (records.size() == query.first()) {
                    return new DecisionLogPage(records, cursors, true);
                }
                records.add(record);
                cursors.add(Cursors.encode(CURSOR_LIST, (int) (row.position() - 1)));
            }
            upTo = from;
        }
        return new DecisionLogPage(records, cursors, false);
    }

    static DecisionRecordView view(DecisionRecordDocument e) {
        return new DecisionRecordView(e.eventId(), e.trustId(), e.position(), e.type(), e.occurredAt(),
                e.recordedAt(), e.actorId(), e.subjectType(), e.subjectId(), e.area(), e.summary(), e.rationale());
    }
}
