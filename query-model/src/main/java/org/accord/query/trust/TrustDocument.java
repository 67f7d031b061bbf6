package org.accord.query.trust;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One document per trust, holding the ids of what belongs to it so that listing them is a key lookup. Bounded by the
 * trust, not by the log: its schools (tens, a few hundred at most), teams (tens) and standards (hundreds) are each
 * added once, by the event that makes them, and no vote or decision touches this document.
 */
@Document("trusts")
public record TrustDocument(@Id String id, String name, List<String> schoolIds, List<String> teamIds,
                            List<String> standardIds) {

    public List<String> schoolIds() {
        return schoolIds == null ? List.of() : schoolIds;
    }

    public List<String> teamIds() {
        return teamIds == null ? List.of() : teamIds;
    }

    public List<String> standardIds() {
        return standardIds == null ? List.of() : standardIds;
    }
}
