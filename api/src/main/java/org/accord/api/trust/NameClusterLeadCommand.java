package org.accord.api.trust;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The trust executive names who leads a cluster from a date (null: today). */
public record NameClusterLeadCommand(@TargetAggregateIdentifier String trustId, String clusterId, String leadId,
                                     LocalDate effectiveFrom) {
}
