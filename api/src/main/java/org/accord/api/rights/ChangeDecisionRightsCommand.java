package org.accord.api.rights;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The trust executive sets the next version of the trust's decision-rights map, whole, from a date (null: today). */
public record ChangeDecisionRightsCommand(@TargetAggregateIdentifier String trustId, List<DecisionRight> rights,
                                          LocalDate effectiveFrom, String rationale) {
}
