package org.accord.api.trust;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The trust executive groups schools into a new cluster with a lead; effectiveFrom null means today. */
public record FormClusterCommand(@TargetAggregateIdentifier String trustId, String clusterId, String name,
                                 String leadId, LocalDate effectiveFrom) {
}
