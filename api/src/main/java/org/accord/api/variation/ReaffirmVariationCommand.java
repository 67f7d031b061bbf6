package org.accord.api.variation;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The school re-affirms its variation against a version (the current one), with a fresh justification, and may set
 * a new review or expiry date.
 */
public record ReaffirmVariationCommand(@TargetAggregateIdentifier String standardId, String variationId,
                                       Integer version, String justification, LocalDate until) {
}
