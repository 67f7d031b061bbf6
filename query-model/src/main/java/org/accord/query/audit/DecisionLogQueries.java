package org.accord.query.audit;

import java.util.ArrayList;
import java.util.List;

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
        List<DecisionRecordView> records = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        long index = Cursors.startAfter(CURSOR_LIST, query.after());
        while (index < head.count()) {
            DecisionLogBucketDocument bucket = store.findById(DecisionLogBucketDocument.class,
                    DecisionLogDocuments.bucketId(query.trustId(), index));
            // a bucket is missing only where every record of its range was kept out of the log
            List<DecisionLogBucketDocument.Entry> entries = bucket == null ? List.of() : bucket.records();
            for (DecisionLogBucketDocument.Entry entry : entries) {
                if (entry.position() - 1 < index || entry.position() > head.count()) {
                    continue;
                }
                DecisionRecordView record = view(query.trustId(), entry);
                if (!filter.accepts(record)) {
                    continue;
                }
                if (records.size() == query.first()) {
                    return new DecisionLogPage(records, cursors, true);
                }
                records.add(record);
                cursors.add(Cursors.encode(CURSOR_LIST, (int) (entry.position() - 1)));
            }
            index = (index / DecisionLogDocuments.BUCKET_SIZE + 1) * DecisionLogDocuments.BUCKET_SIZE;
        }
        return new DecisionLogPage(records, cursors, false);
    }

    static DecisionRecordView view(String trustId, DecisionLogBucketDocument.Entry e) {
        return new DecisionRecordView(e.eventId(), trustId, e.position(), e.type(), e.occurredAt(), e.recordedAt(),
                e.actorId(), e.subjectType(), e.subjectId(), e.area(), e.summary(), e.rationale());
    }
}
