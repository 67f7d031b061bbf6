package org.accord.query.variation;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An open variation with a review or expiry date; removed when it ends. Read whole by the expiry check. */
@Document("variation_dates")
public record VariationDueDocument(@Id String variationId, String standardId, LocalDate until) {
}
