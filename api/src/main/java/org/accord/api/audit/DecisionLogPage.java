package org.accord.api.audit;

import java.util.List;

public record DecisionLogPage(List<DecisionRecordView> records, List<String> cursors, boolean hasNextPage) {
}
