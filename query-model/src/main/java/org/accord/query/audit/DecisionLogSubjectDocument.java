package org.accord.query.audit;

import org.accord.api.standard.Area;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The title and area of a team, proposal or standard, as the log first met it, for the records that follow. */
@Document("decision_log_subjects")
public record DecisionLogSubjectDocument(@Id String id, String title, Area area) {
}
