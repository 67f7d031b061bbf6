package org.accord.query.rights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.accord.api.rights.DecisionRight;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One per trust: every version of its decision-rights map (a few a year at most), and its trust executives, who
 * decide what is decided at trust level.
 */
@Document("decision_rights")
public record DecisionRightsDocument(@Id String id, List<Version> versions, List<String> executiveIds) {

    public record Version(int number, List<DecisionRight> rights, LocalDate effectiveFrom, String rationale,
                          String changedBy, Instant recordedAt) {
    }

    public List<Version> versions() {
        return versions == null ? List.of() : versions;
    }

    public List<String> executiveIds() {
        return executiveIds == null ? List.of() : executiveIds;
    }

    public DecisionRightsHistory history() {
        return DecisionRightsHistory.of(versions().stream()
                .map(v -> new DecisionRightsHistory.Version(v.number(), v.rights(), v.effectiveFrom(),
                        v.recordedAt()))
                .toList());
    }
}
