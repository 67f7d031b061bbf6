package org.accord.query.variation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many variations a trust's schools have made: the next one's position, one small row per trust. */
@Document("variation_counts")
public record VariationCountDocument(@Id String trustId, long made) {
}
