package org.accord.query.variation;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The ids of every variation a school ever made: the rules in force for a school start from one key lookup. */
@Document("school_variations")
public record SchoolVariationsDocument(@Id String schoolId, List<String> variationIds) {

    public List<String> variationIds() {
        return variationIds == null ? List.of() : variationIds;
    }
}
