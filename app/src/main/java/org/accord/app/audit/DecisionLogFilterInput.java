package org.accord.app.audit;

import java.time.Instant;
import java.util.List;

import org.accord.api.audit.DecisionLogFilter;
import org.accord.api.standard.Area;

public record DecisionLogFilterInput(String actorId, List<String> types, String subjectId, Area area, Instant from,
                                     Instant to) {

    DecisionLogFilter toFilter() {
        return new DecisionLogFilter(actorId, types, subjectId, area, from, to);
    }
}
