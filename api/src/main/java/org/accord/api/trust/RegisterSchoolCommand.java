package org.accord.api.trust;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterSchoolCommand(@TargetAggregateIdentifier String trustId, String schoolId, String name,
                                    SchoolPhase phase) {
}
