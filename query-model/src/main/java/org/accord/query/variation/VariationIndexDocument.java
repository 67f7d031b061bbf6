package org.accord.query.variation;

import java.util.List;
import java.util.Map;

import org.accord.api.variation.VariationStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A trust's variations in the order they were made, with school, standard and status, for paging and filtering by
 * key lookup (as ProposalIndexDocument does for proposals). Entries only append: positions are stable cursors.
 */
@Document("variation_index")
public record VariationIndexDocument(@Id String trustId, List<Entry> entries, Map<String, VariationStatus> statuses) {

    public record Entry(String variationId, String schoolId, String standardId) {
    }

    public List<Entry> entries() {
        return entries == null ? List.of() : entries;
    }

    public Map<String, VariationStatus> statuses() {
        return statuses == null ? Map.of() : statuses;
    }
}
